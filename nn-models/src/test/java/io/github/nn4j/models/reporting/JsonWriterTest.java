package io.github.nn4j.models.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    @Test
    void writesNestedValuesIndentedWithScalarArraysOnOneLine() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("ok", true);
        inner.put("none", null);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", "a \"quoted\"\\path\nnext\u0001");
        root.put("n", 3);
        root.put("x", 0.25);
        root.put("whole", 2.0);
        root.put("nan", Double.NaN);
        root.put("ints", new int[] {1, 2});
        root.put("matrix", new int[][] {{1, 0}, {0, 1}});
        root.put("inner", inner);
        root.put("empty", List.of());

        assertThat(JsonWriter.write(root)).isEqualTo("""
                {
                  "name": "a \\"quoted\\"\\\\path\\nnext\\u0001",
                  "n": 3,
                  "x": 0.25,
                  "whole": 2.0,
                  "nan": null,
                  "ints": [1, 2],
                  "matrix": [
                    [1, 0],
                    [0, 1]
                  ],
                  "inner": {
                    "ok": true,
                    "none": null
                  },
                  "empty": []
                }
                """);
    }

    @Test
    void rejectsWhatJsonCannotHold() {
        assertThatThrownBy(() -> JsonWriter.write(Map.of(1, "x")))
                .hasMessageContaining("JSON object keys must be strings");
        assertThatThrownBy(() -> JsonWriter.write(new Object()))
                .hasMessageContaining("no JSON form for java.lang.Object");
    }
}

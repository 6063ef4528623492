package io.github.nn4j.api.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonParserTest {

    @Test
    void parsesEveryKindOfValueInDocumentOrder() throws Exception {
        Object v = JsonParser.parse(" {\"b\": [1, -2.5e3, true, false, null, \"x\\u00e9\\n\\\"\"], \"a\": {}, \"c\": []} ");
        assertThat(v).isInstanceOf(Map.class);
        Map<String, Object> m = TestModels.cast(v);
        assertThat(m.keySet()).containsExactly("b", "a", "c");
        assertThat(TestModels.<List<Object>>cast(m.get("b"))).containsExactly(1L, -2500.0, true, false, JsonParser.NULL, "xé\n\"");
        assertThat((Map<?, ?>) m.get("a")).isEmpty();
        assertThat((List<?>) m.get("c")).isEmpty();
    }

    @Test
    void integersAreLongsAndOtherNumbersDoubles() throws Exception {
        assertThat(JsonParser.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(JsonParser.parse("-0")).isEqualTo(0L);
        assertThat(JsonParser.parse("1.0")).isEqualTo(1.0);
        assertThat(JsonParser.parse("4.9E-324")).isEqualTo(Double.MIN_VALUE);
        assertThat(JsonParser.parse("\"\\ud83d\\ude00\"")).isEqualTo("😀");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "-", "1e", "+1", "0x10", "NaN",
        "Infinity", "tru", "nul", "'a'", "\"a", "\"\\x\"", "\"\\u12\"", "\"\\u12g4\"", "\"a\tb\"", "{a:1}",
        "{\"a\" 1}", "[1 2]", "1 2", "{\"a\":1}}", "[", "\"\\", "{\"a\":1,\"a\":2}", "9223372036854775808",
        "1e400", "\u00a01", "[1]\u0000"})
    void rejectsWhatIsNotStrictJson(String text) {
        assertThatThrownBy(() -> JsonParser.parse(text)).isInstanceOf(JsonSyntaxException.class)
                .hasMessageContaining("at character");
    }

    @Test
    void namesTheDuplicateKeyAndWhereItIs() {
        assertThatThrownBy(() -> JsonParser.parse("{\"a\":1, \"a\":2}"))
                .isInstanceOf(JsonSyntaxException.class)
                .hasMessage("duplicate key \"a\" at character 8");
    }

    @Test
    @Timeout(10)
    void deepNestingIsAnErrorNotAStackOverflow() {
        String deep = "[".repeat(1_000_000) + "]".repeat(1_000_000);
        assertThatThrownBy(() -> JsonParser.parse(deep)).isInstanceOf(JsonSyntaxException.class)
                .hasMessageContaining("nesting deeper than " + JsonParser.MAX_DEPTH);
        String ok = "[".repeat(JsonParser.MAX_DEPTH) + "]".repeat(JsonParser.MAX_DEPTH);
        assertThatNoException(ok);
    }

    @Test
    @Timeout(10)
    void manyTinyValuesAndLongNumbersAreBounded() {
        String many = "[" + "{},".repeat(JsonParser.MAX_VALUES) + "{}]";
        assertThatThrownBy(() -> JsonParser.parse(many)).isInstanceOf(JsonSyntaxException.class)
                .hasMessageContaining("more than " + JsonParser.MAX_VALUES + " values");
        String longNumber = "1" + "0".repeat(JsonParser.MAX_NUMBER_LENGTH);
        assertThatThrownBy(() -> JsonParser.parse(longNumber)).isInstanceOf(JsonSyntaxException.class)
                .hasMessageContaining("number longer than");
    }

    private static void assertThatNoException(String text) {
        try {
            JsonParser.parse(text);
        } catch (JsonSyntaxException e) {
            throw new AssertionError(text + ": " + e.getMessage(), e);
        }
    }

    @Test
    void writerOutputReadsBackToTheSameValue() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "quote \" backslash \\ tab \t nul \u0000 del \u007f é 😀");
        m.put("long", Long.MIN_VALUE);
        m.put("doubles", List.of(0.1, -0.0, 1e-300, Double.MAX_VALUE, Double.MIN_VALUE, 1.0 / 3));
        m.put("nested", Map.of("empty", List.of()));
        m.put("null", JsonParser.NULL);
        m.put("bool", true);
        Object back = JsonParser.parse(JsonWriter.write(m));
        assertThat(back).isEqualTo(m);
        assertThat(Double.doubleToRawLongBits((Double) ((List<?>) ((Map<?, ?>) back).get("doubles")).get(1)))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void writerRefusesWhatJsonCannotHold() {
        assertThatThrownBy(() -> JsonWriter.write(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonWriter.write(Map.of(1, 2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonWriter.write(new Object())).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Random edits of valid documents (character replacements, insertions, deletions, truncations): each either
     * parses, and then writes back to text that parses to the same value, or fails with the parser's own exception.
     */
    @Test
    @Timeout(30)
    void fuzzedDocumentsParseOrFailCleanly() {
        List<String> seeds = List.of(
                "{\"layers\":[{\"type\":\"Dense\",\"config\":{\"inputs\":784,\"outputs\":128}},{\"type\":\"ReLU\",\"config\":{}}]}",
                "{\"a.weight\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]},\"__metadata__\":{\"k\":\"v\\\"x\"}}",
                "[1.5e-3, -0, true, null, \"\\u0041\\n\", {\"x\": [[]]}]");
        String alphabet = "{}[],:\"\\0123456789.eE+-tfnulrsa \n\t\u00e9\u0000";
        SplittableRandom random = new SplittableRandom(12);
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits && sb.length() > 0; e++) {
                int at = random.nextInt(sb.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(4)) {
                    case 0 -> sb.setCharAt(at, c);
                    case 1 -> sb.insert(at, c);
                    case 2 -> sb.deleteCharAt(at);
                    default -> sb.setLength(at);
                }
            }
            String text = sb.toString();
            Object value;
            try {
                value = JsonParser.parse(text);
            } catch (JsonSyntaxException e) {
                assertThat(e.offset()).as(text).isBetween(0, text.length());
                rejected++;
                continue;
            }
            parsed++;
            try {
                assertThat(JsonParser.parse(JsonWriter.write(value))).as(text).isEqualTo(value);
            } catch (JsonSyntaxException e) {
                throw new AssertionError("written form of " + text + " does not parse: " + e.getMessage(), e);
            }
        }
        assertThat(parsed).as("mutations that stayed valid JSON").isGreaterThan(100);
        assertThat(rejected).as("mutations that broke the JSON").isGreaterThan(10_000);
    }

    @Test
    @SuppressWarnings("unchecked")
    void valuesAreUnmodifiable() throws Exception {
        Map<String, Object> v = (Map<String, Object>) JsonParser.parse("{\"a\":[1]}");
        assertThatThrownBy(() -> v.put("b", 1L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<Object>) v.get("a")).add(2L)).isInstanceOf(UnsupportedOperationException.class);
    }
}

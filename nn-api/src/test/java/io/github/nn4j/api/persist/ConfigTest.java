package io.github.nn4j.api.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
    private final Config config = Config.builder()
            .put("inputs", 784)
            .put("rate", 0.1)
            .put("name", "enc")
            .put("bias", true)
            .put("nested", Config.builder().put("k", 1).build())
            .put("list", List.of(1, 2.5f, "x", List.of(true)))
            .build();

    @Test
    void typedGettersReadWhatWasPut() {
        assertThat(config.keys()).containsExactly("inputs", "rate", "name", "bias", "nested", "list");
        assertThat(config.getInt("inputs")).isEqualTo(784);
        assertThat(config.getLong("inputs")).isEqualTo(784L);
        assertThat(config.getDouble("inputs")).isEqualTo(784.0);
        assertThat(config.getDouble("rate")).isEqualTo(0.1);
        assertThat(config.getString("name")).isEqualTo("enc");
        assertThat(config.getBoolean("bias")).isTrue();
        assertThat(config.getConfig("nested").getInt("k")).isEqualTo(1);
        assertThat(config.getList("list")).containsExactly(1L, 2.5, "x", List.of(true));
        assertThat(config.has("missing")).isFalse();
    }

    @Test
    void wrongTypesAndMissingKeysNameTheKey() {
        assertThatThrownBy(() -> config.getInt("name")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("config key 'name' must be an integer, got \"enc\"");
        assertThatThrownBy(() -> config.getInt("missing")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("config key 'missing' is missing");
        assertThatThrownBy(() -> Config.builder().put("big", 1L << 40).build().getInt("big"))
                .hasMessageContaining("must fit in a 32-bit int");
        assertThatThrownBy(() -> config.getBoolean("rate")).hasMessageContaining("must be true or false, got 0.1");
        assertThatThrownBy(() -> config.requireOnly("inputs", "rate"))
                .hasMessage("unknown config key 'name' (known: inputs, rate)");
    }

    @Test
    void refusesValuesJsonCannotHold() {
        assertThatThrownBy(() -> Config.builder().put("x", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Config.builder().put("x", List.of(Double.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Config.builder().put("", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Config.builder().put("x", List.of(new Object())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonFormReadsBackEqual() throws Exception {
        String json = config.toString();
        assertThat(json).isEqualTo("{\"inputs\":784,\"rate\":0.1,\"name\":\"enc\",\"bias\":true,\"nested\":{\"k\":1},"
                + "\"list\":[1,2.5,\"x\",[true]]}");
        Config back = Config.fromJson((Map<String, Object>) JsonParser.parse(json));
        assertThat(back).isEqualTo(config);
        assertThat(back.hashCode()).isEqualTo(config.hashCode());
    }

    @Test
    @SuppressWarnings("unchecked")
    void nullIsNotAConfigValue() {
        assertThatThrownBy(() -> Config.fromJson((Map<String, Object>) JsonParser.parse("{\"a\":[null]}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("config key 'a' is null");
    }
}

package io.github.nn4j.api.persist;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The configuration of a layer or an optimizer as a model file stores it: an ordered map from non-empty keys to
 * values, each a {@code String}, a {@code Long} (integers), a finite {@code Double}, a {@code Boolean}, a nested
 * {@code Config}, or a {@code List} of such values. It is written into the file's architecture as a JSON object
 * and read back exactly (doubles keep their bits).
 *
 * <p>The typed getters throw {@link IllegalArgumentException} naming the key when it is missing or holds another
 * type; a {@link LayerType} or {@link OptimizerType} lets that propagate, and the loader reports it as a
 * {@link ModelFormatException} naming the file and the layer. Immutable and thread-safe.
 */
public final class Config {
    private static final Config EMPTY = new Config(Map.of());
    private final Map<String, Object> values;

    private Config(Map<String, Object> values) {
        this.values = values;
    }

    /** {@return the configuration without keys} */
    public static Config empty() {
        return EMPTY;
    }

    /** {@return a builder that keeps the keys in insertion order} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the keys, in order} */
    public Set<String> keys() {
        return values.keySet();
    }

    /**
     * {@return whether {@code key} is present}
     *
     * @param key the key
     */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /**
     * {@return the raw value of {@code key} (see the class description for its types), or {@code null} when absent}
     *
     * @param key the key
     */
    public Object get(String key) {
        return values.get(key);
    }

    /**
     * Checks that every key is one of {@code known}, so that a type can refuse a configuration written by a later
     * version with settings it would otherwise drop silently.
     *
     * @param known the keys that may be present
     * @throws IllegalArgumentException naming the first unknown key
     */
    public void requireOnly(String... known) {
        List<String> allowed = List.of(known);
        for (String k : values.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException("unknown config key '" + k + "' (known: " + String.join(", ", allowed)
                        + ")");
            }
        }
    }

    /**
     * {@return the integer {@code key}, which must fit in an {@code int}}
     *
     * @param key the key, which must be present with a value of this type
     */
    public int getInt(String key) {
        long v = getLong(key);
        if (v != (int) v) {
            throw new IllegalArgumentException("config key '" + key + "' must fit in a 32-bit int, got " + v);
        }
        return (int) v;
    }

    /**
     * {@return the integer {@code key}}
     *
     * @param key the key, which must be present with a value of this type
     */
    public long getLong(String key) {
        return require(key, Long.class, "an integer");
    }

    /**
     * {@return the number {@code key} (an integer is converted)}
     *
     * @param key the key, which must be present with a value of this type
     */
    public double getDouble(String key) {
        Object v = present(key);
        if (v instanceof Long) {
            return (Long) v;
        }
        return require(key, Double.class, "a number");
    }

    /**
     * {@return the boolean {@code key}}
     *
     * @param key the key, which must be present with a value of this type
     */
    public boolean getBoolean(String key) {
        return require(key, Boolean.class, "true or false");
    }

    /**
     * {@return the string {@code key}}
     *
     * @param key the key, which must be present with a value of this type
     */
    public String getString(String key) {
        return require(key, String.class, "a string");
    }

    /**
     * {@return the nested configuration {@code key}}
     *
     * @param key the key, which must be present with a value of this type
     */
    public Config getConfig(String key) {
        return require(key, Config.class, "an object");
    }

    /**
     * {@return the list {@code key} (unmodifiable; elements of the value types above)}
     *
     * @param key the key, which must be present with a value of this type
     */
    @SuppressWarnings("unchecked")
    public List<Object> getList(String key) {
        return require(key, List.class, "a list");
    }

    private Object present(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("config key '" + key + "' is missing (keys: " + values.keySet() + ")");
        }
        return v;
    }

    private <T> T require(String key, Class<T> type, String what) {
        Object v = present(key);
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("config key '" + key + "' must be " + what + ", got "
                    + JsonWriter.write(toJson(v)));
        }
        return type.cast(v);
    }

    // ------------------------------------------------------------------------------------------- JSON form

    /** This configuration as a JSON object value for {@link JsonWriter}. */
    Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, toJson(v)));
        return out;
    }

    private static Object toJson(Object v) {
        if (v instanceof Config) {
            return ((Config) v).toJson();
        }
        if (v instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object e : (List<?>) v) {
                out.add(toJson(e));
            }
            return out;
        }
        return v;
    }

    /**
     * The configuration a parsed JSON object describes.
     *
     * @throws IllegalArgumentException when it holds {@code null} or an empty key
     */
    static Config fromJson(Map<String, Object> json) {
        Builder b = builder();
        json.forEach((k, v) -> b.putChecked(k, fromJsonValue(k, v)));
        return b.build();
    }

    @SuppressWarnings("unchecked")
    private static Object fromJsonValue(String key, Object v) {
        if (v instanceof Map) {
            return fromJson((Map<String, Object>) v);
        }
        if (v instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object e : (List<Object>) v) {
                out.add(fromJsonValue(key, e));
            }
            return Collections.unmodifiableList(out);
        }
        if (v == JsonParser.NULL) {
            throw new IllegalArgumentException("config key '" + key + "' is null, which is not a config value");
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Config && values.equals(((Config) o).values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** The JSON form, e.g. {@code {"inputs":784,"outputs":128}}. */
    @Override
    public String toString() {
        return JsonWriter.write(toJson());
    }

    /** Builds a {@link Config}; a key put twice keeps its first position and its last value. */
    public static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Puts an integer.
         *
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder put(String key, long value) {
            return putChecked(key, value);
        }

        /**
         * Puts a number, which must be finite (JSON has no NaN or infinity).
         *
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder put(String key, double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("config key '" + key + "': " + value + " is not finite");
            }
            return putChecked(key, value);
        }

        /**
         * Puts a boolean.
         *
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder put(String key, boolean value) {
            return putChecked(key, value);
        }

        /**
         * Puts a string.
         *
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder put(String key, String value) {
            return putChecked(key, Objects.requireNonNull(value, "value"));
        }

        /**
         * Puts a nested configuration.
         *
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder put(String key, Config value) {
            return putChecked(key, Objects.requireNonNull(value, "value"));
        }

        /**
         * Puts a list of values of the types a configuration holds (Integer is taken as Long, Float as Double).
         *
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder put(String key, List<?> value) {
            return putChecked(key, listValue(key, value));
        }

        private static List<Object> listValue(String key, List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object e : list) {
                out.add(element(key, e));
            }
            return Collections.unmodifiableList(out);
        }

        private static Object element(String key, Object e) {
            if (e instanceof Integer) {
                return ((Integer) e).longValue();
            }
            if (e instanceof Float || e instanceof Double) {
                double d = ((Number) e).doubleValue();
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException("config key '" + key + "': " + d + " is not finite");
                }
                return d;
            }
            if (e instanceof Long || e instanceof String || e instanceof Boolean || e instanceof Config) {
                return e;
            }
            if (e instanceof List) {
                return listValue(key, (List<?>) e);
            }
            throw new IllegalArgumentException("config key '" + key + "': a list element "
                    + (e == null ? "null" : "of type " + e.getClass().getName()) + " is not a config value");
        }

        private Builder putChecked(String key, Object value) {
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("config keys must be non-empty strings");
            }
            values.put(key, value);
            return this;
        }

        /** {@return the configuration} */
        public Config build() {
            return values.isEmpty() ? EMPTY : new Config(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
        }
    }
}

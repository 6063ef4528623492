package io.github.nn4j.api.persist;

import java.util.List;
import java.util.Map;

/**
 * Writes the values {@link JsonParser} reads (maps with string keys, lists, strings, integers, finite doubles,
 * booleans, {@link JsonParser#NULL}) as compact JSON, so that {@code parse(write(v))} equals {@code v}: doubles are
 * written with {@link Double#toString}, which reads back to the same bits, and object keys in map order.
 */
final class JsonWriter {
    private JsonWriter() {
    }

    /** The JSON text of {@code value}. */
    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb);
        return sb.toString();
    }

    private static void write(Object value, StringBuilder sb) {
        if (value instanceof String) {
            string((String) value, sb);
        } else if (value instanceof Long || value instanceof Integer) {
            sb.append(((Number) value).longValue());
        } else if (value instanceof Double) {
            double d = (Double) value;
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("JSON has no representation for " + d);
            }
            sb.append(d);
        } else if (value instanceof Boolean) {
            sb.append(value);
        } else if (value == JsonParser.NULL) {
            sb.append("null");
        } else if (value instanceof Map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                if (!(e.getKey() instanceof String)) {
                    throw new IllegalArgumentException("JSON object keys must be strings, got " + e.getKey());
                }
                sb.append(first ? "" : ",");
                first = false;
                string((String) e.getKey(), sb);
                sb.append(':');
                write(e.getValue(), sb);
            }
            sb.append('}');
        } else if (value instanceof List) {
            sb.append('[');
            boolean first = true;
            for (Object v : (List<?>) value) {
                sb.append(first ? "" : ",");
                first = false;
                write(v, sb);
            }
            sb.append(']');
        } else {
            throw new IllegalArgumentException("no JSON form for " + (value == null ? "null" : value.getClass().getName()));
        }
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                case '\b': sb.append("\\b"); break;
                case '\f': sb.append("\\f"); break;
                default:
                    if (c < 0x20 || Character.isSurrogate(c) && !validSurrogateAt(s, i)) {
                        // control characters must be escaped; a lone surrogate has no UTF-8 form
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }

    private static boolean validSurrogateAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}

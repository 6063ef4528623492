package io.github.nn4j.models.reporting;

import java.lang.reflect.Array;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes JSON text, indented by two spaces, from plain Java values: {@link Map} (string keys, in iteration
 * order), {@link List} and arrays, {@link Number}, {@link String}, {@link Boolean} and {@code null}.
 * Non-finite numbers, which JSON cannot represent, are written as {@code null}. Stateless.
 */
public final class JsonWriter {
    private JsonWriter() {
    }

    /** The JSON text of {@code value}, with a trailing newline. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0);
        return out.append('\n').toString();
    }

    private static void write(StringBuilder out, Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            out.append(Double.isFinite(d) ? number(d) : "null");
        } else if (value instanceof Number n) {
            out.append(n.longValue());
        } else if (value instanceof Map<?, ?> map) {
            object(out, map, depth);
        } else if (value instanceof Iterable<?> it) {
            array(out, it.iterator(), depth);
        } else if (value.getClass().isArray()) {
            int n = Array.getLength(value);
            array(out, new Iterator<Object>() {
                private int i;

                @Override
                public boolean hasNext() {
                    return i < n;
                }

                @Override
                public Object next() {
                    return Array.get(value, i++);
                }
            }, depth);
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getName() + ": " + value);
        }
    }

    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d) + ".0";
        }
        return Double.toString(d).toLowerCase(Locale.ROOT);
    }

    private static void object(StringBuilder out, Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("JSON object keys must be strings, got " + e.getKey());
            }
            indent(out, depth + 1);
            string(out, key);
            out.append(": ");
            write(out, e.getValue(), depth + 1);
            out.append(it.hasNext() ? ",\n" : "\n");
        }
        indent(out, depth);
        out.append('}');
    }

    private static void array(StringBuilder out, Iterator<?> it, int depth) {
        if (!it.hasNext()) {
            out.append("[]");
            return;
        }
        // Arrays of scalars stay on one line; arrays of objects or arrays get one element per line.
        StringBuilder flat = new StringBuilder("[");
        boolean nested = false;
        java.util.List<Object> items = new java.util.ArrayList<>();
        while (it.hasNext()) {
            Object v = it.next();
            items.add(v);
            nested |= v instanceof Map || v instanceof Iterable || (v != null && v.getClass().isArray());
        }
        if (!nested) {
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    flat.append(", ");
                }
                write(flat, items.get(i), depth);
            }
            out.append(flat).append(']');
            return;
        }
        out.append("[\n");
        for (int i = 0; i < items.size(); i++) {
            indent(out, depth + 1);
            write(out, items.get(i), depth + 1);
            out.append(i + 1 < items.size() ? ",\n" : "\n");
        }
        indent(out, depth);
        out.append(']');
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void indent(StringBuilder out, int depth) {
        out.append("  ".repeat(depth));
    }
}

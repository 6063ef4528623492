package io.github.nn4j.api.testsupport;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A safetensors reader written for the tests from the public format description alone, sharing no code with
 * nn4j's reader: it proves that nn4j's files are plain safetensors that any reader understands. Format: an unsigned
 * 64-bit little-endian header size {@code N}; {@code N} bytes of UTF-8 JSON, an object whose keys are tensor names
 * (values: {@code dtype}, {@code shape}, {@code data_offsets} [begin, end) relative to the byte after the header)
 * and optionally {@code __metadata__} (string to string); then the little-endian, row-major tensor data.
 *
 * <p>It is an oracle for well-formed files, not a validator: it checks only what it needs to read safely.
 */
public final class IndependentSafetensorsReader {
    private final Map<String, String> metadata;
    private final Map<String, Entry> tensors;

    /**
     * One tensor.
     *
     * @param dtype its dtype name, e.g. {@code F32}
     * @param shape its dimensions
     * @param data  its raw bytes
     */
    public record Entry(String dtype, long[] shape, byte[] data) {
        /** The values of an F32 or F64 tensor, widened to double. */
        public double[] values() {
            ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            if (dtype.equals("F32")) {
                double[] out = new double[data.length / 4];
                for (int i = 0; i < out.length; i++) {
                    out[i] = b.getFloat(4 * i);
                }
                return out;
            }
            if (dtype.equals("F64")) {
                double[] out = new double[data.length / 8];
                for (int i = 0; i < out.length; i++) {
                    out[i] = b.getDouble(8 * i);
                }
                return out;
            }
            throw new IllegalStateException("values() reads F32 and F64, not " + dtype);
        }
    }

    private IndependentSafetensorsReader(Map<String, String> metadata, Map<String, Entry> tensors) {
        this.metadata = metadata;
        this.tensors = tensors;
    }

    /** Reads a file. */
    public static IndependentSafetensorsReader read(Path file) throws IOException {
        return read(Files.readAllBytes(file));
    }

    /** Reads the bytes of a file. */
    @SuppressWarnings("unchecked")
    public static IndependentSafetensorsReader read(byte[] file) {
        ByteBuffer buf = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        long n = buf.getLong(0);
        if (n < 0 || n > file.length - 8) {
            throw new IllegalArgumentException("header size " + n + " does not fit a file of " + file.length + " bytes");
        }
        String json = new String(file, 8, (int) n, StandardCharsets.UTF_8);
        Map<String, Object> header = (Map<String, Object>) new Json(json).document();
        int dataStart = 8 + (int) n;
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, Entry> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : header.entrySet()) {
            Map<String, Object> v = (Map<String, Object>) e.getValue();
            if (e.getKey().equals("__metadata__")) {
                v.forEach((k, s) -> metadata.put(k, (String) s));
                continue;
            }
            List<Object> shapeList = (List<Object>) v.get("shape");
            long[] shape = new long[shapeList.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = ((BigDecimal) shapeList.get(i)).longValueExact();
            }
            List<Object> offsets = (List<Object>) v.get("data_offsets");
            long begin = ((BigDecimal) offsets.get(0)).longValueExact();
            long end = ((BigDecimal) offsets.get(1)).longValueExact();
            if (begin < 0 || end < begin || dataStart + end > file.length) {
                throw new IllegalArgumentException(e.getKey() + ": data_offsets [" + begin + ", " + end + ") outside the file");
            }
            byte[] data = new byte[(int) (end - begin)];
            System.arraycopy(file, dataStart + (int) begin, data, 0, data.length);
            tensors.put(e.getKey(), new Entry((String) v.get("dtype"), shape, data));
        }
        return new IndependentSafetensorsReader(Collections.unmodifiableMap(metadata), Collections.unmodifiableMap(tensors));
    }

    /** The {@code __metadata__} entries. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** The tensors by name, in header order. */
    public Map<String, Entry> tensors() {
        return tensors;
    }

    /** Just enough JSON for a safetensors header: objects, arrays, strings with escapes, numbers as BigDecimal. */
    private static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object document() {
            Object v = value();
            space();
            if (i != s.length()) {
                throw new IllegalArgumentException("text after the JSON document at " + i);
            }
            return v;
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Object value() {
            space();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                space();
                if (s.charAt(i) == '}') {
                    i++;
                    return m;
                }
                do {
                    space();
                    String k = (String) value();
                    space();
                    take(':');
                    m.put(k, value());
                    space();
                } while (s.charAt(i++) == ',');
                require(s.charAt(i - 1) == '}', "'}'");
                return m;
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++;
                space();
                if (s.charAt(i) == ']') {
                    i++;
                    return l;
                }
                do {
                    l.add(value());
                    space();
                } while (s.charAt(i++) == ',');
                require(s.charAt(i - 1) == ']', "']'");
                return l;
            }
            if (c == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                for (char d = s.charAt(i++); d != '"'; d = s.charAt(i++)) {
                    if (d == '\\') {
                        char e = s.charAt(i++);
                        switch (e) {
                            case 'n' -> b.append('\n');
                            case 't' -> b.append('\t');
                            case 'r' -> b.append('\r');
                            case 'b' -> b.append('\b');
                            case 'f' -> b.append('\f');
                            case 'u' -> {
                                b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                                i += 4;
                            }
                            default -> b.append(e);
                        }
                    } else {
                        b.append(d);
                    }
                }
                return b.toString();
            }
            for (String word : new String[] {"true", "false", "null"}) {
                if (s.startsWith(word, i)) {
                    i += word.length();
                    return word.equals("null") ? null : Boolean.valueOf(word);
                }
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            return new BigDecimal(s.substring(start, i));
        }

        private void take(char c) {
            require(s.charAt(i++) == c, "'" + c + "'");
        }

        private void require(boolean ok, String what) {
            if (!ok) {
                throw new IllegalArgumentException("expected " + what + " at " + (i - 1));
            }
        }
    }
}

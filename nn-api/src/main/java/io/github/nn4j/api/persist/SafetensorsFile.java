package io.github.nn4j.api.persist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated header of a safetensors file: an 8-byte little-endian header length {@code N}, {@code N} bytes of
 * UTF-8 JSON mapping tensor names to {@code dtype}, {@code shape} and {@code data_offsets} (relative to the end of
 * the header) plus an optional {@code __metadata__} object of strings, then the data.
 *
 * <p>{@link #read} accepts a file only when it is exactly what the format describes: the header fits in the file
 * and under {@value #MAX_HEADER_BYTES} bytes, its JSON is strict (no duplicate names), every dtype is a safetensors
 * dtype, every tensor's byte range has the length its dtype and shape need, and the ranges tile the data with no
 * gap, no overlap, nothing missing and nothing after the last. Nothing but the header is read, and nothing is
 * allocated beyond the header's actual bytes.
 */
final class SafetensorsFile {
    /**
     * The longest header accepted, as in the reference implementation (Hugging Face's {@code safetensors} crate):
     * no header it accepts is too long for nn4j, and a length field of up to 2^64 cannot make nn4j allocate more.
     */
    static final long MAX_HEADER_BYTES = 100_000_000L;
    /** The key of the metadata object. */
    static final String METADATA_KEY = "__metadata__";

    /** Element sizes in bytes of the safetensors dtypes (sub-byte and complex types are not supported). */
    private static final Map<String, Integer> ELEMENT_BYTES = Map.ofEntries(
            Map.entry("BOOL", 1), Map.entry("U8", 1), Map.entry("I8", 1), Map.entry("F8_E5M2", 1),
            Map.entry("F8_E4M3", 1), Map.entry("I16", 2), Map.entry("U16", 2), Map.entry("F16", 2),
            Map.entry("BF16", 2), Map.entry("I32", 4), Map.entry("U32", 4), Map.entry("F32", 4),
            Map.entry("I64", 8), Map.entry("U64", 8), Map.entry("F64", 8));

    private final long headerLength;
    private final Map<String, String> metadata;
    private final Map<String, TensorInfo> tensors;

    private SafetensorsFile(long headerLength, Map<String, String> metadata, Map<String, TensorInfo> tensors) {
        this.headerLength = headerLength;
        this.metadata = metadata;
        this.tensors = tensors;
    }

    /** The length {@code N} of the JSON header in bytes (padding included). */
    long headerLength() {
        return headerLength;
    }

    /** The position of the first data byte in the file: {@code 8 + N}. */
    long dataStart() {
        return 8 + headerLength;
    }

    /** The {@code __metadata__} entries (empty when there are none), in file order. */
    Map<String, String> metadata() {
        return metadata;
    }

    /** Every tensor by name, in data order (by {@code begin}). */
    Map<String, TensorInfo> tensors() {
        return tensors;
    }

    /** The size in bytes of one element of a dtype, or 0 when the dtype is not a supported safetensors dtype. */
    static int elementBytes(String dtype) {
        return ELEMENT_BYTES.getOrDefault(dtype, 0);
    }

    /** Reads and validates the header of {@code source}. */
    static SafetensorsFile read(ByteSource source) throws IOException {
        String name = source.name();
        long size = source.size();
        if (size < 8) {
            throw new ModelFormatException(name, "too short for a safetensors file: " + size
                    + " bytes, but the header length field alone takes 8");
        }
        ByteBuffer lengthField = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        source.read(0, lengthField);
        long n = lengthField.getLong(0);
        if (n < 0 || n > MAX_HEADER_BYTES) {
            throw new ModelFormatException(name, "header length " + Long.toUnsignedString(n)
                    + " bytes exceeds the limit of " + MAX_HEADER_BYTES + " bytes (not a safetensors file, or damaged)");
        }
        if (n > size - 8) {
            throw new ModelFormatException(name, "header length " + n + " bytes runs past the end of the file ("
                    + size + " bytes): truncated or not a safetensors file");
        }
        ByteBuffer headerBytes = ByteBuffer.allocate((int) n);
        source.read(8, headerBytes);
        headerBytes.flip();
        Parsed parsed = parse(name, headerBytes);
        checkTiling(name, parsed.tensors(), size - 8 - n);
        Map<String, TensorInfo> byName = new LinkedHashMap<>();
        for (TensorInfo t : parsed.tensors()) {
            byName.put(t.name(), t);
        }
        return new SafetensorsFile(n, parsed.metadata(), Collections.unmodifiableMap(byName));
    }

    /**
     * The number of data bytes the header {@code header} (the {@code N} bytes after the length field) describes:
     * the end of its last tensor. Checks the header as {@link #read} does, but for the tiling of the data.
     */
    static long dataLength(String name, byte[] header) throws ModelFormatException {
        long end = 0;
        for (TensorInfo t : parse(name, ByteBuffer.wrap(header)).tensors()) {
            end = Math.max(end, t.end());
        }
        return end;
    }

    /** The metadata and the tensors sorted by offset. */
    private record Parsed(Map<String, String> metadata, List<TensorInfo> tensors) {
    }

    private static Parsed parse(String name, ByteBuffer headerBytes) throws ModelFormatException {
        String text = decodeUtf8(name, headerBytes);
        Object json;
        try {
            json = JsonParser.parse(text);
        } catch (JsonSyntaxException e) {
            throw new ModelFormatException(name, "malformed header JSON: " + e.getMessage(), e);
        }
        if (!(json instanceof Map)) {
            throw new ModelFormatException(name, "the header is JSON but not an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> header = (Map<String, Object>) json;
        Map<String, String> metadata = Map.of();
        List<TensorInfo> list = new ArrayList<>(header.size());
        for (Map.Entry<String, Object> e : header.entrySet()) {
            if (e.getKey().equals(METADATA_KEY)) {
                metadata = metadata(name, e.getValue());
            } else {
                list.add(tensor(name, e.getKey(), e.getValue()));
            }
        }
        list.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
        return new Parsed(metadata, list);
    }

    private static String decodeUtf8(String name, ByteBuffer bytes) throws ModelFormatException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new ModelFormatException(name, "the header is not valid UTF-8 (at header byte " + bytes.position()
                    + ")", e);
        }
    }

    private static Map<String, String> metadata(String name, Object value) throws ModelFormatException {
        if (!(value instanceof Map)) {
            throw new ModelFormatException(name, METADATA_KEY + " must be an object of strings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
            if (!(e.getValue() instanceof String)) {
                throw new ModelFormatException(name, METADATA_KEY + " entry \"" + e.getKey() + "\" must be a string, got "
                        + JsonWriter.write(e.getValue()));
            }
            out.put((String) e.getKey(), (String) e.getValue());
        }
        return Collections.unmodifiableMap(out);
    }

    private static TensorInfo tensor(String file, String tensor, Object value) throws ModelFormatException {
        String where = "tensor " + tensor + ": ";
        if (!(value instanceof Map)) {
            throw new ModelFormatException(file, where + "the entry must be an object with dtype, shape and data_offsets");
        }
        Map<?, ?> entry = (Map<?, ?>) value;
        for (Object key : entry.keySet()) {
            if (!key.equals("dtype") && !key.equals("shape") && !key.equals("data_offsets")) {
                throw new ModelFormatException(file, where + "unexpected key \"" + key
                        + "\" (an entry has dtype, shape and data_offsets)");
            }
        }
        if (!(entry.get("dtype") instanceof String)) {
            throw new ModelFormatException(file, where + "dtype must be a string");
        }
        String dtype = (String) entry.get("dtype");
        int elementBytes = elementBytes(dtype);
        if (elementBytes == 0) {
            throw new ModelFormatException(file, where + "dtype \"" + dtype + "\" is not a safetensors dtype nn4j knows "
                    + "(it reads F32 and F64, and recognises " + new java.util.TreeSet<>(ELEMENT_BYTES.keySet()) + ")");
        }
        List<Long> shape = longs(file, where + "shape", entry.get("shape"), -1);
        List<Long> offsets = longs(file, where + "data_offsets", entry.get("data_offsets"), 2);
        long begin = offsets.get(0);
        long end = offsets.get(1);
        if (begin > end) {
            throw new ModelFormatException(file, where + "data_offsets [" + begin + ", " + end + "] end before they begin");
        }
        long elements = 1;
        long bytes;
        try {
            for (long d : shape) {
                elements = Math.multiplyExact(elements, d);
            }
            bytes = Math.multiplyExact(elements, elementBytes);
        } catch (ArithmeticException e) {
            throw new ModelFormatException(file, where + "shape " + shape + " has more elements than 2^63");
        }
        if (bytes != end - begin) {
            throw new ModelFormatException(file, where + "data_offsets [" + begin + ", " + end + "] hold "
                    + (end - begin) + " bytes, but " + dtype + " " + shape + " needs " + bytes);
        }
        return new TensorInfo(tensor, dtype, shape, begin, end);
    }

    /** A list of non-negative integers, of length {@code length} unless that is negative. */
    private static List<Long> longs(String file, String what, Object value, int length) throws ModelFormatException {
        if (!(value instanceof List)) {
            throw new ModelFormatException(file, what + " must be a list of non-negative integers");
        }
        List<?> list = (List<?>) value;
        if (length >= 0 && list.size() != length) {
            throw new ModelFormatException(file, what + " must have " + length + " entries, has " + list.size());
        }
        List<Long> out = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof Long) || (Long) o < 0) {
                throw new ModelFormatException(file, what + " must be a list of non-negative integers, has "
                        + JsonWriter.write(o));
            }
            out.add((Long) o);
        }
        return out;
    }

    /** The tensors sorted by offset must cover {@code [0, dataLength)} exactly, one after another. */
    private static void checkTiling(String file, List<TensorInfo> sorted, long dataLength) throws ModelFormatException {
        long expected = 0;
        TensorInfo previous = null;
        for (TensorInfo t : sorted) {
            if (t.begin() != expected) {
                String before = previous == null ? "the start of the data" : "tensor " + previous.name() + " (ends at "
                        + expected + ")";
                throw new ModelFormatException(file, t.begin() > expected
                        ? "gap of " + (t.begin() - expected) + " bytes between " + before + " and tensor " + t.name()
                                + " (begins at " + t.begin() + ")"
                        : "tensor " + t.name() + " (bytes " + t.begin() + " to " + t.end() + ") overlaps " + before);
            }
            expected = t.end();
            previous = t;
        }
        if (expected < dataLength) {
            throw new ModelFormatException(file, (dataLength - expected) + " bytes after the last tensor's data (the"
                    + " tensors end at data byte " + expected + ", the file has " + dataLength + " data bytes)");
        }
        if (expected > dataLength) {
            throw new ModelFormatException(file, "truncated: the tensors need " + expected + " data bytes, the file has "
                    + dataLength + " after its header");
        }
    }
}

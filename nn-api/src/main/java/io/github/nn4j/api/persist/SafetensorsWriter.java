package io.github.nn4j.api.persist;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a safetensors file: the header (metadata first, then the tensors in the given order, their data laid out
 * one after another in that order), padded with spaces so that the data starts at a multiple of 8 bytes as the
 * reference implementation does, then the data.
 */
final class SafetensorsWriter {
    private SafetensorsWriter() {
    }

    /**
     * One tensor to write.
     *
     * @param name  its name
     * @param dtype its safetensors dtype
     * @param shape its dimensions
     * @param data  its little-endian bytes, {@code dtype} size × elements long
     */
    record Entry(String name, String dtype, List<Long> shape, byte[] data) {
    }

    /** Writes the file to {@code out} (not closed). */
    static void write(Map<String, String> metadata, List<Entry> tensors, OutputStream out) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        if (!metadata.isEmpty()) {
            header.put(SafetensorsFile.METADATA_KEY, new LinkedHashMap<>(metadata));
        }
        long offset = 0;
        for (Entry t : tensors) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("dtype", t.dtype());
            e.put("shape", new ArrayList<Object>(t.shape()));
            e.put("data_offsets", List.<Object>of(offset, offset + t.data().length));
            if (header.put(t.name(), e) != null) {
                throw new IllegalArgumentException("two tensors named " + t.name());
            }
            offset += t.data().length;
        }
        byte[] json = JsonWriter.write(header).getBytes(StandardCharsets.UTF_8);
        int padding = (8 - json.length % 8) % 8;
        ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, json.length + padding);
        out.write(length.array());
        out.write(json);
        out.write("        ".getBytes(StandardCharsets.US_ASCII), 0, padding);
        for (Entry t : tensors) {
            out.write(t.data());
        }
    }
}

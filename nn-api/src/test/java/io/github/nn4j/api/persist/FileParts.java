package io.github.nn4j.api.persist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * A valid model file taken apart into editable metadata and tensors, to build files that are well-formed
 * safetensors but wrong for nn4j (the checksum is recomputed, so that each test meets the problem it is about).
 */
final class FileParts {
    final Map<String, String> metadata;
    final List<SafetensorsWriter.Entry> tensors;

    private FileParts(Map<String, String> metadata, List<SafetensorsWriter.Entry> tensors) {
        this.metadata = metadata;
        this.tensors = tensors;
    }

    /** The parts of a valid file. */
    static FileParts of(byte[] file) {
        try {
            SafetensorsFile f = SafetensorsFile.read(ByteSource.of(file, "parts"));
            List<SafetensorsWriter.Entry> tensors = new ArrayList<>();
            for (TensorInfo t : f.tensors().values()) {
                int from = (int) (f.dataStart() + t.begin());
                tensors.add(new SafetensorsWriter.Entry(t.name(), t.dtype(), t.shape(),
                        Arrays.copyOfRange(file, from, from + (int) t.byteLength())));
            }
            return new FileParts(new LinkedHashMap<>(f.metadata()), tensors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The index of tensor {@code name}. */
    int indexOf(String name) {
        for (int i = 0; i < tensors.size(); i++) {
            if (tensors.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** Replaces tensor {@code name}. */
    FileParts replace(String name, SafetensorsWriter.Entry entry) {
        tensors.set(indexOf(name), entry);
        return this;
    }

    /** The file, with the checksum (if any) recomputed over the current tensors. */
    byte[] bytes() {
        if (metadata.containsKey(ModelFormat.CHECKSUM_KEY)) {
            CRC32C crc = new CRC32C();
            tensors.forEach(t -> crc.update(t.data()));
            metadata.put(ModelFormat.CHECKSUM_KEY, String.format("%08x", crc.getValue()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            SafetensorsWriter.write(metadata, tensors, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

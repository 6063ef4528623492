package io.github.nn4j.api.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.tensor.DType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    private String[] names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void aWriteInterruptedHalfwayLeavesNoFileUnderTheName() throws Exception {
        Path target = dir.resolve("model.safetensors");
        assertThatThrownBy(() -> AtomicFile.write(target, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full (simulated)");
        })).isInstanceOf(IOException.class).hasMessage("disk full (simulated)");
        assertThat(names()).isEmpty();
    }

    @Test
    void aWriteInterruptedHalfwayKeepsTheOldFileIntact() throws Exception {
        Path target = dir.resolve("model.safetensors");
        byte[] old;
        try (Network net = TestModels.network(new ReferenceBackend(), DType.FLOAT32)) {
            ModelFiles.save(net, target);
            old = Files.readAllBytes(target);
            byte[] valid = ModelFiles.toBytes(net);
            assertThatThrownBy(() -> AtomicFile.write(target, out -> {
                out.write(valid, 0, valid.length / 2);
                throw new IllegalStateException("interrupted (simulated)");
            })).isInstanceOf(IllegalStateException.class);
        }
        assertThat(Files.readAllBytes(target)).isEqualTo(old);
        assertThat(names()).containsExactly("model.safetensors");
        ModelFiles.load(target, new ReferenceBackend()).close();
    }

    @Test
    void aSaveThatFailsWhileEncodingLeavesTheOldFile() throws Exception {
        Path target = dir.resolve("model.safetensors");
        Files.write(target, new byte[] {1, 2, 3});
        Network net = TestModels.network(new ReferenceBackend(), DType.FLOAT32);
        net.layers().get(2).close(); // its weights are gone: reading them fails in the middle of the save
        assertThatThrownBy(() -> ModelFiles.save(net, target)).isInstanceOf(IllegalStateException.class);
        net.close();
        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
        assertThat(names()).containsExactly("model.safetensors");
    }

    @Test
    void theWrittenFileIsCompleteAndReplacesTheOld() throws Exception {
        Path target = dir.resolve("f.bin");
        AtomicFile.write(target, out -> out.write(new byte[] {9, 9}));
        AtomicFile.write(target, out -> out.write(new byte[] {1, 2, 3, 4}));
        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3, 4);
        assertThat(names()).containsExactly("f.bin");
    }
}

package io.github.nn4j.datasets.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256SumsTest {
    private static final String VALID = "# digests\n"
            + "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609  train-images-idx3-ubyte.gz\n"
            + "\n"
            + "3552534A0A558BBED6AED32B30C495CCA23D567EC52CAC8BE1A0730E8010255C *train labels with spaces\n";

    @TempDir
    Path dir;

    @Test
    void readsWhatSha256sumWritesInBothModes() throws IOException {
        Sha256Sums sums = Sha256Sums.read(Files.writeString(dir.resolve("SHA256SUMS"), VALID));

        assertThat(sums.digests()).hasSize(2);
        assertThat(sums.digest("train-images-idx3-ubyte.gz")).contains(
                "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609");
        assertThat(sums.digest("train labels with spaces")).contains(
                "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c");
        assertThat(sums.digest("t10k-images-idx3-ubyte.gz")).isEmpty();
        assertThat(Sha256Sums.in(dir.resolve("absent"))).isEmpty();
    }

    @Test
    void aNameListedTwiceOrAFileTooLargeIsAnError() throws IOException {
        String line = "0".repeat(64) + "  a\n";
        Path twice = Files.writeString(dir.resolve("twice"), line + line);
        assertThatThrownBy(() -> Sha256Sums.read(twice)).hasMessage(twice + ": line 2 lists a a second time");

        Path large = Files.write(dir.resolve("large"), new byte[(int) Sha256Sums.MAX_BYTES + 1]);
        assertThatThrownBy(() -> Sha256Sums.read(large)).hasMessageContaining("too large for a list of digests");
    }

    /** Random damage to a valid file gives a list or an IOException naming the file, nothing else. */
    @Test
    void fuzzedFilesAreReadOrRejectedWithAMessageNamingTheFile() throws IOException {
        byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
        SplittableRandom random = new SplittableRandom(5);
        Path file = dir.resolve("SHA256SUMS");
        int rejected = 0;
        for (int round = 0; round < 600; round++) {
            byte[] bytes = valid.clone();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(4) == 0) {
                bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
            Files.write(file, bytes);
            try {
                Sha256Sums sums = Sha256Sums.read(file);
                assertThat(sums.digests().values()).allMatch(d -> d.matches("[0-9a-f]{64}"));
                assertThat(sums.digests().keySet()).allMatch(n -> !n.isEmpty() && !n.contains("/"));
            } catch (IOException e) {
                rejected++;
                assertThat(e.getMessage()).startsWith(file.toString());
            }
        }
        assertThat(rejected).isGreaterThan(30);
    }
}

package io.github.nn4j.backend.pure.gemm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SIMD blocks follow the caches ({@link GemmBlocking#forCaches}), and the caches are read from a sysfs-like
 * directory that may be missing, partial or garbled ({@link CacheSizes#read}) without ever failing.
 */
class CacheBlockingTest {
    @TempDir
    Path sysfs;

    @Test
    void theDefaultCachesGiveTheBlocksMeasuredOnAvx512() {
        // 32 KiB L1d, 1 MiB L2; 8 rows x 2 vectors of 16 floats: the blocks of the 512-bit kernel before caches counted
        assertThat(GemmBlocking.forCaches(8, 32, Float.BYTES, CacheSizes.DEFAULT))
                .isEqualTo(new GemmBlocking(256, 128, 512));
        // 6 x 2 vectors of 8 floats (AVX2): kc stays 256, mc a multiple of 6, nc 2 KiB of a row
        assertThat(GemmBlocking.forCaches(6, 16, Float.BYTES, CacheSizes.DEFAULT))
                .isEqualTo(new GemmBlocking(256, 126, 512));
        // doubles: the a panel of 8 x 256 doubles would be half of L1d, so kc halves
        assertThat(GemmBlocking.forCaches(8, 16, Double.BYTES, CacheSizes.DEFAULT))
                .isEqualTo(new GemmBlocking(128, 128, 256));
    }

    @Test
    void smallCachesGiveSmallerBlocksAndTinyOnesTheMinimum() {
        CacheSizes small = new CacheSizes(16 * 1024, 256 * 1024);
        // kc: 16 KiB / 4 / (8 x 4 B) = 128; nc: 128 KiB / (128 x 4 B) = 256; mc: 64 KiB / 512 B = 128
        assertThat(GemmBlocking.forCaches(8, 32, Float.BYTES, small)).isEqualTo(new GemmBlocking(128, 128, 256));
        CacheSizes tiny = new CacheSizes(4096, 4096);
        GemmBlocking b = GemmBlocking.forCaches(12, 32, Float.BYTES, tiny);
        assertThat(b).isEqualTo(new GemmBlocking(GemmBlocking.MIN_KC, 12, 32));
        b.requireMultiplesOf(12, 32);
        // large caches never exceed the measured maxima
        CacheSizes huge = new CacheSizes(1 << 20, 64 << 20);
        assertThat(GemmBlocking.forCaches(4, 48, Float.BYTES, huge)).isEqualTo(new GemmBlocking(256, 128, 480));
    }

    @Test
    void readsLinuxCacheDescriptions() throws IOException {
        cache("index0", "1", "Data", "48K");
        cache("index1", "1", "Instruction", "64K");
        cache("index2", "2", "Unified", "2048K");
        cache("index3", "3", "Unified", "491520K");
        assertThat(CacheSizes.read(sysfs)).isEqualTo(new CacheSizes(48 * 1024, 2048 * 1024));
    }

    @Test
    void missingOrGarbledEntriesKeepTheirDefaults() throws IOException {
        assertThat(CacheSizes.read(sysfs.resolve("absent"))).isEqualTo(CacheSizes.DEFAULT);
        assertThat(CacheSizes.read(sysfs)).isEqualTo(CacheSizes.DEFAULT); // empty directory
        cache("index0", "1", "Data", "lots");
        cache("index1", "1", "Instruction", "64K");
        cache("index2", "2", "Unified", "3M");
        assertThat(CacheSizes.read(sysfs)).isEqualTo(new CacheSizes(CacheSizes.DEFAULT_L1_DATA, 3 << 20));
        Files.writeString(sysfs.resolve("index0/size"), "64"); // implausibly small
        Files.delete(sysfs.resolve("index2/type"));
        assertThat(CacheSizes.read(sysfs)).isEqualTo(CacheSizes.DEFAULT);
        Files.createDirectories(sysfs.resolve("index5/size")); // a directory where a file should be
        Files.writeString(sysfs.resolve("index5/level"), "1\n");
        Files.writeString(sysfs.resolve("index5/type"), "Data\n");
        assertThat(CacheSizes.read(sysfs)).isEqualTo(CacheSizes.DEFAULT);
        Path notADirectory = Files.writeString(sysfs.resolve("file"), "x");
        assertThat(CacheSizes.read(notADirectory)).isEqualTo(CacheSizes.DEFAULT);
    }

    @Test
    void parsesSizesAsSysfsWritesThem() {
        assertThat(CacheSizes.parseSize("48K")).isEqualTo(OptionalLong.of(48 * 1024));
        assertThat(CacheSizes.parseSize(" 2048k\n")).isEqualTo(OptionalLong.of(2048 * 1024));
        assertThat(CacheSizes.parseSize("2M")).isEqualTo(OptionalLong.of(2 << 20));
        assertThat(CacheSizes.parseSize("1G")).isEqualTo(OptionalLong.of(1 << 30));
        assertThat(CacheSizes.parseSize("49152")).isEqualTo(OptionalLong.of(49152));
        String[] bad = {"", "K", "-48K", "48 K", "4.5M", "2G", "99999999999999999999K", "0x10K", "1023"};
        for (String text : bad) {
            assertThat(CacheSizes.parseSize(text)).as("'%s'", text).isEmpty();
        }
    }

    @Test
    void randomTextNeverGivesAnImplausibleSize() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(18);
        String alphabet = "0123456789KMGkmg .-+x\n\u00e9";
        for (int i = 0; i < 2000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(14); n > 0; n--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            OptionalLong size = CacheSizes.parseSize(s.toString());
            size.ifPresent(v -> assertThat(v).isBetween(CacheSizes.MIN_BYTES, 1L << 30));
        }
    }

    private void cache(String index, String level, String type, String size) throws IOException {
        Path dir = Files.createDirectories(sysfs.resolve(index));
        Files.writeString(dir.resolve("level"), level + "\n", StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("type"), type + "\n", StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("size"), size + "\n", StandardCharsets.US_ASCII);
    }
}

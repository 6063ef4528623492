package io.github.nn4j.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the packaged {@code target/benchmarks.jar}: it lists every benchmark, keeps the native libraries out
 * (they sit in {@code target/natives}, named by its Class-Path), and runs a tiny benchmark in a forked JVM the way
 * a user would ({@code java -jar benchmarks.jar ...}).
 */
class BenchmarksJarIT {
    private static final Path TARGET = Path.of("target");
    private static final Path JAR = TARGET.resolve("benchmarks.jar");

    private static final List<String> BENCHMARKS = List.of(
            "kernels.SgemmBenchmark.gemm", "kernels.DgemmBenchmark.gemm", "kernels.DenseBenchmark.forwardBackward",
            "kernels.ActivationBenchmark.forward", "kernels.ActivationBenchmark.backward", "kernels.StepKernelBenchmark.run",
            "training.AutoencoderStepBenchmark.trainStep", "training.AutoencoderEpochBenchmark.trainEpoch",
            "training.MlpEpochBenchmark.trainEpoch", "training.XorBenchmark.train", "pca.PcaBenchmark.fit",
            "kernels.GemmKernelShapeBenchmark.gemm");

    @Test
    void theJarListsEveryBenchmark() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            String list = new String(jar.getInputStream(jar.getEntry("META-INF/BenchmarkList")).readAllBytes(),
                    StandardCharsets.UTF_8);
            for (String b : BENCHMARKS) {
                assertThat(list).contains("io.github.nn4j.benchmarks." + b.substring(0, b.lastIndexOf('.')));
            }
        }
    }

    @Test
    void nativeLibrariesStayOutOfTheJarAndItsClassPathNamesThem() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertThat(jar.stream().map(e -> e.getName()).filter(n -> n.endsWith("libnd4jcpu.so")
                    || n.contains("org/bytedeco/openblas/linux-x86_64/"))).isEmpty();
            String classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
            List<String> entries = Arrays.asList(classPath.trim().split("\\s+"));
            assertThat(entries).isNotEmpty().allSatisfy(e -> assertThat(TARGET.resolve(e)).isRegularFile());
            List<String> files = new ArrayList<>();
            try (Stream<Path> natives = Files.list(TARGET.resolve("natives"))) {
                natives.forEach(p -> files.add("natives/" + p.getFileName()));
            }
            assertThat(files).containsExactlyInAnyOrderElementsOf(entries);
        }
    }

    @Test
    void aTinyBenchmarkRunsFromTheJarInAFork(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("result.json");
        Path log = tmp.resolve("log.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Djmh.ignoreLock=true", "-jar", JAR.toString(), "SgemmBenchmark.gemm",
                "-p", "backend=pure", "-p", "shape=64x784x128",
                "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms", "-foe", "true", "-rf", "json", "-rff", json.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("JMH finished within 2 minutes").isTrue();
        String output = Files.readString(log);
        assertThat(p.exitValue()).as(output).isZero();
        String result = Files.readString(json);
        assertThat(result).contains("\"benchmark\" : \"io.github.nn4j.benchmarks.kernels.SgemmBenchmark.gemm\"");
        Matcher score = Pattern.compile("\"score\" : ([0-9.Ee+-]+)").matcher(result);
        assertThat(score.find()).as(result).isTrue();
        assertThat(Double.parseDouble(score.group(1))).isPositive();
    }
}

package io.github.nn4j.models.selection;

import static io.github.nn4j.models.testsupport.ChildJvm.Module.JBLAS;
import static io.github.nn4j.models.testsupport.ChildJvm.Module.ND4J;
import static io.github.nn4j.models.testsupport.ChildJvm.Module.PURE;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.api.backend.BackendProvider;
import io.github.nn4j.backend.jblas.JblasBackendProvider;
import io.github.nn4j.backend.nd4j.Nd4jBackendProvider;
import io.github.nn4j.backend.pure.PureBackendProvider;
import io.github.nn4j.models.testsupport.ChildJvm;
import io.github.nn4j.models.testsupport.ChildJvm.Module;
import io.github.nn4j.models.testsupport.ChildJvm.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Backend selection by class path, proven in separate JVMs that see exactly the backend jars of each case: one
 * backend alone is used; with several the priorities decide (read from the providers, not restated here); the
 * system property and the environment variable override; a backend whose native library fails is skipped with
 * its reason logged, and naming it fails with that reason.
 *
 * <p>The failures are real ones: ND4J without its native jar for this platform, and jblas with a
 * {@code java.io.tmpdir} it cannot unpack its library into.
 */
class BackendSelectionTest {
    private static final Map<Module, BackendProvider> PROVIDERS = new EnumMap<>(Map.of(
            PURE, new PureBackendProvider(), JBLAS, new JblasBackendProvider(), ND4J, new Nd4jBackendProvider()));

    /** ND4J's platform jar (e.g. {@code nd4j-native-1.0.0-M2.1-linux-x86_64.jar}): without it ND4J cannot load. */
    private static final Predicate<String> ND4J_NATIVE_JAR =
            entry -> Path.of(entry).getFileName().toString().matches("nd4j-native-.*-(linux|macosx|windows|android)-.*\\.jar");

    private static String missingDirectory;

    @BeforeAll
    static void aDirectoryThatDoesNotExist() throws Exception {
        Path dir = Files.createTempDirectory("nn4j-gone");
        Files.delete(dir);
        missingDirectory = dir.toString();
        assertThat(ChildJvm.testClassPath()).as("the test class path holds all three backend modules")
                .anyMatch(PURE::owns).anyMatch(JBLAS::owns).anyMatch(ND4J::owns).anyMatch(ND4J_NATIVE_JAR);
    }

    /** The backend the documented rule picks among {@code present}: highest priority, ties by name. */
    private static String byPriority(Module... present) {
        return Stream.of(present).map(PROVIDERS::get)
                .sorted(Comparator.comparingInt(BackendProvider::priority).reversed().thenComparing(BackendProvider::name))
                .findFirst().orElseThrow().name();
    }

    private static String name(Module m) {
        return PROVIDERS.get(m).name();
    }

    @Test
    void aBackendAloneOnTheClassPathIsUsed() throws Exception {
        for (Module m : Module.values()) {
            Result r = ChildJvm.with(m).run(SelectionProbe.class);
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.value("selected")).as(r.toString()).isEqualTo(name(m));
            assertThat(r.backends()).as(r.toString()).containsOnlyKeys(name(m));
        }
    }

    @Test
    void withSeveralBackendsThePriorityOrderDecides() throws Exception {
        Module[][] cases = {{PURE, JBLAS}, {JBLAS, ND4J}, {PURE, JBLAS, ND4J}};
        for (Module[] present : cases) {
            Result r = ChildJvm.with(present).run(SelectionProbe.class);
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.value("selected")).as(r.toString()).isEqualTo(byPriority(present));
            assertThat(r.backends()).as(r.toString()).hasSize(present.length);
            for (String[] status : r.backends().values()) {
                assertThat(status[2]).as("available: %s", r).isEqualTo("true");
                assertThat(status[3]).as("selected flag: %s", r).isEqualTo(String.valueOf(status[0].equals(byPriority(present))));
            }
        }
    }

    @Test
    void withTheVectorApiThePureBackendOutranksTheNativeOnes() throws Exception {
        // the measured order for training (README): pure with SIMD, nd4j, jblas, pure without SIMD
        Result r = ChildJvm.with(Module.values()).option("--add-modules=jdk.incubator.vector")
                .run(SelectionProbe.class);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.value("selected")).as(r.toString()).isEqualTo(name(PURE));
        assertThat(Integer.parseInt(r.backends().get(name(PURE))[1])).isEqualTo(PureBackendProvider.PRIORITY_SIMD);

        Result scalar = ChildJvm.with(Module.values()).run(SelectionProbe.class);
        assertThat(scalar.value("selected")).as(scalar.toString()).isEqualTo(name(ND4J));
        assertThat(PureBackendProvider.PRIORITY_SCALAR).isLessThan(JblasBackendProvider.PRIORITY)
                .isLessThan(Nd4jBackendProvider.PRIORITY);
    }

    @Test
    void theSystemPropertyOverridesTheEnvironmentWhichOverridesPriority() throws Exception {
        String lowest = Stream.of(Module.values()).min(Comparator.comparingInt(m -> PROVIDERS.get(m).priority()))
                .map(BackendSelectionTest::name).orElseThrow();
        String middle = Stream.of(Module.values()).map(BackendSelectionTest::name)
                .filter(n -> !n.equals(lowest) && !n.equals(byPriority(Module.values()))).findFirst().orElseThrow();

        Result property = ChildJvm.with(Module.values()).option("-Dnn4j.backend=" + lowest).env("NN4J_BACKEND", middle)
                .run(SelectionProbe.class);
        assertThat(property.value("selected")).as(property.toString()).isEqualTo(lowest);

        Result env = ChildJvm.with(Module.values()).env("NN4J_BACKEND", middle).run(SelectionProbe.class);
        assertThat(env.value("selected")).as(env.toString()).isEqualTo(middle);
    }

    @Test
    void aBackendWhoseNativeLibraryFailsIsSkippedWithItsReasonLogged() throws Exception {
        Result r = ChildJvm.with(Module.values()).without(ND4J_NATIVE_JAR)
                .option("-Djava.io.tmpdir=" + missingDirectory).run(SelectionProbe.class);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.value("selected")).as(r.toString()).isEqualTo(name(PURE));
        assertThat(r.stderr()).as(r.toString())
                .contains("Backend 'nd4j' is unavailable and skipped: ND4J's native library did not load")
                .contains("nd4j-native:1.0.0-M2.1 with classifier")
                .contains("Backend 'jblas' is unavailable and skipped: jblas could not unpack its native library into "
                        + "java.io.tmpdir (" + missingDirectory + ")");
        assertThat(r.backends().get("jblas")[2]).isEqualTo("false");
        assertThat(r.backends().get("nd4j")[2]).isEqualTo("false");
        // jblas reports load failures by printing to the console; the backend must keep that off it
        assertThat(r.stdout() + r.stderr()).as(r.toString()).doesNotContain("-- org.jblas");
    }

    @Test
    void namingABackendWhoseNativeLibraryFailsFailsWithTheReason() throws Exception {
        Result jblas = ChildJvm.with(Module.values()).without(ND4J_NATIVE_JAR)
                .option("-Djava.io.tmpdir=" + missingDirectory).option("-Dnn4j.backend=jblas")
                .run(SelectionProbe.class);
        assertThat(jblas.exitCode()).as(jblas.toString()).isEqualTo(SelectionProbe.UNAVAILABLE);
        assertThat(jblas.value("error")).as(jblas.toString())
                .contains("Backend 'jblas'").contains("java.io.tmpdir (" + missingDirectory + ")");

        Result nd4j = ChildJvm.with(Module.values()).without(ND4J_NATIVE_JAR).env("NN4J_BACKEND", "nd4j")
                .run(SelectionProbe.class);
        assertThat(nd4j.exitCode()).as(nd4j.toString()).isEqualTo(SelectionProbe.UNAVAILABLE);
        assertThat(nd4j.value("error")).as(nd4j.toString())
                .contains("Backend 'nd4j'").contains("ND4J's native library did not load")
                .contains("nd4j-native:1.0.0-M2.1 with classifier");
    }
}

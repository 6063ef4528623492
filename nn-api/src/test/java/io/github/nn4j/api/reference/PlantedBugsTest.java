package io.github.nn4j.api.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.conformance.ModelConformanceTest;
import io.github.nn4j.api.conformance.TensorConformanceTest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The conformance suite catches the six bugs of issue 19: each is planted into the reference backend
 * ({@link PlantedBugs}), the suite's tests that should catch it run on that backend through the JUnit Platform
 * Launcher, and they must fail (each test here names them). Without the bug the same tests pass: that is
 * {@link ReferenceBackendConformanceTest} and {@link ReferenceBackendModelConformanceTest}.
 */
class PlantedBugsTest {
    private static final Map<PlantedBugs, Backend> BACKENDS = new EnumMap<>(PlantedBugs.class);

    private static synchronized Backend backend(PlantedBugs bug) {
        return BACKENDS.computeIfAbsent(bug, PlantedBugs::backend);
    }

    // The suite on each broken backend (JUnit instantiates these; surefire does not run nested classes).

    static class SigmoidDerivativeTensors extends TensorConformanceTest {
        @Override
        protected Backend backend() {
            return PlantedBugsTest.backend(PlantedBugs.SIGMOID_DERIVATIVE_IN_FLOAT32);
        }
    }

    static class SigmoidDerivativeModels extends ModelConformanceTest {
        @Override
        protected Backend backend() {
            return PlantedBugsTest.backend(PlantedBugs.SIGMOID_DERIVATIVE_IN_FLOAT32);
        }
    }

    static class BiasGradientTensors extends TensorConformanceTest {
        @Override
        protected Backend backend() {
            return PlantedBugsTest.backend(PlantedBugs.BIAS_GRADIENT_WITHOUT_FIRST_ROW);
        }
    }

    static class BiasGradientModels extends ModelConformanceTest {
        @Override
        protected Backend backend() {
            return PlantedBugsTest.backend(PlantedBugs.BIAS_GRADIENT_WITHOUT_FIRST_ROW);
        }
    }

    static class FloatSumTensors extends TensorConformanceTest {
        @Override
        protected Backend backend() {
            return PlantedBugsTest.backend(PlantedBugs.FLOAT32_SUM_IN_FLOAT);
        }
    }

    static class TanhCutoffTensors extends TensorConformanceTest {
        @Override
        protected Backend backend() {
            return PlantedBugsTest.backend(PlantedBugs.TANH_CUTOFF_AT_1E_2);
        }
    }

    static class TransposeTensors extends TensorConformanceTest {
        @Override
        protected Backend backend() {
            return PlantedBugsTest.backend(PlantedBugs.TRANSPOSE_SKIPPING_TILE_COLUMN_31);
        }
    }

    static class EnumDerivativeTensors extends TensorConformanceTest {
        @Override
        protected Backend backend() {
            return PlantedBugsTest.backend(PlantedBugs.ACTIVATION_ENUM_SIGMOID_DERIVATIVE);
        }
    }

    static class EnumDerivativeModels extends ModelConformanceTest {
        @Override
        protected Backend backend() {
            return PlantedBugsTest.backend(PlantedBugs.ACTIVATION_ENUM_SIGMOID_DERIVATIVE);
        }
    }

    // ------------------------------------------------------------------------------------ the bugs

    @Test
    void sigmoidDerivativeInTheFloat32Kernel() {
        Failures f = run(test(SigmoidDerivativeTensors.class, "activationDerivativesMatchReference"),
                test(SigmoidDerivativeModels.class, "float32ActivationGradientsMatchCentralDifferences"),
                test(SigmoidDerivativeModels.class, "everyTrainingStepIsWithinTheReferenceBound"));
        assertThat(f.methods()).containsExactlyInAnyOrder("activationDerivativesMatchReference",
                "float32ActivationGradientsMatchCentralDifferences", "everyTrainingStepIsWithinTheReferenceBound");
        assertThat(f.cases()).allMatch(c -> c.contains("FLOAT32") || c.contains("SIGMOID"));
    }

    /** Caught by the column sums, and, 1 row of 32, by the FLOAT32 training steps (not by the FLOAT64 ones). */
    @Test
    void biasGradientWithoutItsFirstRow() {
        Failures f = run(test(BiasGradientTensors.class, "sumAlongAxes"),
                test(BiasGradientModels.class, "everyTrainingStepIsWithinTheReferenceBound"),
                test(BiasGradientModels.class, "float32DenseGradientsMatchCentralDifferences"));
        assertThat(f.methods()).containsExactlyInAnyOrder("sumAlongAxes", "everyTrainingStepIsWithinTheReferenceBound",
                "float32DenseGradientsMatchCentralDifferences");
        assertThat(f.cases()).contains("FLOAT32 SGD", "FLOAT32 MOMENTUM", "FLOAT32 ADAM")
                .noneMatch(c -> c.startsWith("FLOAT64"));
    }

    @Test
    void float32SumAccumulatedInFloat() {
        Failures f = run(test(FloatSumTensors.class, "reductionsMatchReference"),
                test(FloatSumTensors.class, "sumsAreAccumulatedInDouble"));
        assertThat(f.methods()).containsExactlyInAnyOrder("reductionsMatchReference", "sumsAreAccumulatedInDouble");
    }

    @Test
    void tanhCutoffRaisedTo1em2() {
        Failures f = run(test(TanhCutoffTensors.class, "activationsMatchReference"));
        assertThat(f.methods()).containsExactly("activationsMatchReference");
        // every FLOAT32 shape has the arguments near zero that show it
        assertThat(f.cases()).hasSize(10).allMatch(c -> c.startsWith("FLOAT32"));
    }

    @Test
    void transposeNeverWritingColumn31OfATile() {
        Failures f = run(test(TransposeTensors.class, "transposeMovesEveryElementExactly"));
        assertThat(f.methods()).containsExactly("transposeMovesEveryElementExactly");
    }

    /** A wrong derivative in the enum that this backend calls: caught by the independent reference and by gradient checks. */
    @Test
    void sigmoidDerivativeWrongInTheActivationEnum() {
        Failures f = run(test(EnumDerivativeTensors.class, "activationDerivativesMatchReference"),
                test(EnumDerivativeModels.class, "activationGradients"),
                test(EnumDerivativeModels.class, "float32ActivationGradientsMatchCentralDifferences"));
        assertThat(f.methods()).containsExactlyInAnyOrder("activationDerivativesMatchReference", "activationGradients",
                "float32ActivationGradientsMatchCentralDifferences");
        assertThat(f.cases()).anyMatch(c -> c.startsWith("FLOAT64"));
    }

    // ------------------------------------------------------------------------------------ running the suite

    /** The failed tests of a run: their methods, and the display names of the failed cases. */
    private record Failures(Set<String> methods, List<String> cases) {
    }

    private static MethodSelector test(Class<?> suite, String method) {
        Method m = Arrays.stream(suite.getSuperclass().getDeclaredMethods())
                .filter(candidate -> candidate.getName().equals(method)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(suite.getSuperclass() + " has no test " + method));
        return selectMethod(suite, m);
    }

    private static Failures run(MethodSelector... tests) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(tests).build();
        Set<String> methods = new TreeSet<>();
        List<String> cases = new ArrayList<>();
        int[] finished = new int[1];
        LauncherFactory.create().execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (!id.isTest()) {
                    return;
                }
                finished[0]++;
                if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                    id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                            .ifPresent(s -> methods.add(s.getMethodName()));
                    cases.add(id.getDisplayName());
                }
            }
        });
        assertThat(finished[0]).as("tests run").isPositive();
        return new Failures(methods, cases);
    }
}

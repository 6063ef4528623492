package io.github.nn4j.backend.pure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The build's two test executions run the kernels they are meant to: the Vector API execution the SIMD kernels
 * (with the raised trap limit), the plain one the scalar kernels. If an execution lost or gained its
 * {@code --add-modules jdk.incubator.vector}, every test in it would quietly test the other kernel set; this fails
 * instead ({@link SimdExpectation}).
 */
class SimdExecutionTest {

    @Test
    void thisExecutionRunsTheKernelsItIsMeantTo() {
        assumeTrue(SimdExpectation.expected().isPresent(), "-D" + SimdExpectation.PROPERTY
                + " is not set (the build sets it per test execution)");
        boolean simd = SimdExpectation.expected().get();
        String description = new PureBackendProvider().create().description();
        if (simd) {
            SimdExpectation.requireVectorModule();
            assertThat(description).as("the backend this JVM selects").startsWith("pure Java, Vector API");
            assertThat(new PureBackendProvider().priority()).isEqualTo(PureBackendProvider.PRIORITY_SIMD);
            assertThat(PureOptions.trapLimitRaised()).as("-XX:PerMethodTrapLimit=10000 in the SIMD test JVM").isTrue();
        } else {
            assertThat(PureOptions.vectorModulePresent()).as("module " + PureOptions.VECTOR_MODULE
                    + " in the execution meant for the scalar kernels").isFalse();
            assertThat(description).as("the backend this JVM selects").startsWith("pure Java, scalar");
        }
    }
}

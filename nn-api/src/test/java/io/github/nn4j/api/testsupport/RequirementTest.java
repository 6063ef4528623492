package io.github.nn4j.api.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class RequirementTest {
    private final String saved = System.getProperty(Requirement.PROPERTY);

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(Requirement.PROPERTY);
        } else {
            System.setProperty(Requirement.PROPERTY, saved);
        }
    }

    @Test
    void aMetRequirementPasses() {
        System.setProperty(Requirement.PROPERTY, "all");
        assertThatCode(() -> Requirement.NATIVE.check(true, "never shown")).doesNotThrowAnyException();
    }

    @Test
    void anUnmetRequirementSkipsUnlessListed() {
        System.setProperty(Requirement.PROPERTY, "mnist");
        assertThatThrownBy(() -> Requirement.NATIVE.check(false, "jblas did not load"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("jblas did not load")
                .hasMessageContaining("-Dnn4j.test.require=native");
    }

    @Test
    void anUnmetListedRequirementFails() {
        System.setProperty(Requirement.PROPERTY, " native , mnist");
        assertThatThrownBy(() -> Requirement.NATIVE.check(false, "jblas did not load"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("jblas did not load");
        System.setProperty(Requirement.PROPERTY, "all");
        assertThatThrownBy(() -> Requirement.MNIST.check(false, "no data"))
                .isInstanceOf(AssertionError.class);
    }
}

package io.github.nn4j.api.backend;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AvailabilityTest {
    @Test
    void requireAvailablePassesWhenAvailable() {
        assertThatCode(() -> Availability.available().requireAvailable("demo")).doesNotThrowAnyException();
    }

    @Test
    void requireAvailableNamesTheBackendAndTheReasonAndKeepsTheCause() {
        UnsatisfiedLinkError cause = new UnsatisfiedLinkError("libgfortran.so.5: cannot open shared object file");
        Availability a = Availability.unavailable("native library failed to load: install libgfortran5", cause);
        assertThatThrownBy(() -> a.requireAvailable("jblas"))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessage("Backend 'jblas' is not available: native library failed to load: install libgfortran5")
                .hasCause(cause);
    }
}

package io.github.nn4j.backend.pure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.BackendProvider;
import io.github.nn4j.api.backend.BackendRegistry;
import io.github.nn4j.backend.pure.threads.TileExecutor;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Discovery through the ServiceLoader, the description of the active path, and the thread setting. */
class PureBackendProviderTest {

    @Test
    void isDiscoveredAndSelectable() {
        BackendRegistry registry = BackendRegistry.load(getClass().getClassLoader());
        Backend backend = registry.get("pure");
        assertThat(backend).isInstanceOf(PureBackend.class);
        assertThat(backend.name()).isEqualTo("pure");
        assertThat(ServiceLoader.load(BackendProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(PureBackendProvider.class);
    }

    @Test
    void descriptionNamesTheActivePathAndThreads() {
        Backend backend = new PureBackendProvider().create();
        String expectedPath = PureOptions.vectorModulePresent() ? "Vector API" : "scalar";
        int threads = PureOptions.fromSystemProperties().threads();
        assertThat(backend.description()).startsWith("pure Java, " + expectedPath)
                .endsWith(threads + (threads == 1 ? " thread" : " threads"));
    }

    @Test
    void priorityIsHighOnlyWhenTheSimdKernelsCanRun() {
        // this class runs twice in the build: with and without the jdk.incubator.vector module
        int expected = PureOptions.vectorModulePresent() ? PureBackendProvider.PRIORITY_SIMD : PureBackendProvider.PRIORITY_SCALAR;
        assertThat(new PureBackendProvider().priority()).isEqualTo(expected);
        String old = System.getProperty(PureOptions.SIMD_PROPERTY);
        System.setProperty(PureOptions.SIMD_PROPERTY, "false");
        try {
            assertThat(new PureBackendProvider().priority()).isEqualTo(PureBackendProvider.PRIORITY_SCALAR);
        } finally {
            if (old == null) {
                System.clearProperty(PureOptions.SIMD_PROPERTY);
            } else {
                System.setProperty(PureOptions.SIMD_PROPERTY, old);
            }
        }
    }

    @Test
    void threadSettingIsParsedAndCheckedWithClearMessages() {
        assertThat(PureOptions.parseThreads(null, 3)).isEqualTo(3);
        assertThat(PureOptions.parseThreads(" ", 3)).isEqualTo(3);
        assertThat(PureOptions.parseThreads(" 2 ", 3)).isEqualTo(2);
        assertThatThrownBy(() -> PureOptions.parseThreads("two", 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nn4j.pure.threads='two'");
        assertThatThrownBy(() -> PureOptions.parseThreads("0", 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nn4j.pure.threads=0");
    }

    @Test
    void spinSettingIsParsedAndCheckedWithClearMessages() {
        assertThat(PureOptions.parseSpinMicros(null)).isEqualTo(TileExecutor.DEFAULT_SPIN_MICROS);
        assertThat(PureOptions.parseSpinMicros(" ")).isEqualTo(TileExecutor.DEFAULT_SPIN_MICROS);
        assertThat(PureOptions.parseSpinMicros(" 0 ")).isZero();
        assertThat(PureOptions.parseSpinMicros("250")).isEqualTo(250);
        assertThatThrownBy(() -> PureOptions.parseSpinMicros("1ms"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nn4j.pure.spinMicros='1ms'");
        assertThatThrownBy(() -> PureOptions.parseSpinMicros("-5"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nn4j.pure.spinMicros=-5");
        assertThatThrownBy(() -> PureOptions.parseSpinMicros("2000000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
    }
}

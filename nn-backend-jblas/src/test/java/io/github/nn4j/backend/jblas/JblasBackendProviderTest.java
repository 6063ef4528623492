package io.github.nn4j.backend.jblas;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.api.backend.Availability;
import io.github.nn4j.api.backend.BackendProvider;
import io.github.nn4j.api.backend.BackendRegistry;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Discovery, identity and availability of the jblas provider on this machine. */
class JblasBackendProviderTest {

    @Test
    void isRegisteredForServiceLoader() {
        assertThat(ServiceLoader.load(BackendProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(JblasBackendProvider.class);
    }

    @Test
    void probesAvailableAndCreatesANamedBackend() {
        JblasBackendProvider p = new JblasBackendProvider();
        JblasTestBackend.get(); // skips (or fails, when required) where the native library cannot load
        Availability a = p.probe();
        assertThat(a.isAvailable()).as(a.reason()).isTrue();
        assertThat(p.name()).isEqualTo("jblas");
        assertThat(p.priority()).isEqualTo(JblasBackendProvider.PRIORITY);
        assertThat(JblasTestBackend.get().name()).isEqualTo("jblas");
        assertThat(JblasTestBackend.get().description()).contains("jblas 1.2.5").contains("OpenBLAS");
    }

    @Test
    void registrySelectsItByName() {
        JblasTestBackend.get();
        BackendRegistry registry = BackendRegistry.of(List.of(new JblasBackendProvider()), "jblas");
        assertThat(registry.selected().name()).isEqualTo("jblas");
        assertThat(registry.describe()).singleElement().satisfies(s -> assertThat(s.available()).isTrue());
    }
}

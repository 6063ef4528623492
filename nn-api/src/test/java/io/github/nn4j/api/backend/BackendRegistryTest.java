package io.github.nn4j.api.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.reference.ReferenceBackend;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackendRegistryTest {

    /** A provider with a fixed name, priority and probe outcome, counting probes. */
    static class FakeProvider implements BackendProvider {
        final String name;
        final int priority;
        final Availability availability;
        final AtomicInteger probes = new AtomicInteger();
        final AtomicInteger creations = new AtomicInteger();

        FakeProvider(String name, int priority, Availability availability) {
            this.name = name;
            this.priority = priority;
            this.availability = availability;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public Availability probe() {
            probes.incrementAndGet();
            return availability;
        }

        @Override
        public Backend create() {
            creations.incrementAndGet();
            return new ReferenceBackend();
        }
    }

    private final FakeProvider low = new FakeProvider("low", 10, Availability.available());
    private final FakeProvider high = new FakeProvider("high", 30, Availability.available());
    private final FakeProvider broken = new FakeProvider("broken", 99,
            Availability.unavailable("libfoo.so.5 not found: install package libfoo5", null));

    @Test
    void highestPriorityAvailableWinsAndUnavailableIsSkipped() {
        BackendRegistry r = BackendRegistry.of(List.of(low, broken, high), null);
        Backend b = r.selected();
        assertThat(b).isSameAs(r.selected());
        assertThat(high.creations).hasValue(1);
        assertThat(low.creations).hasValue(0);
        assertThat(broken.creations).hasValue(0);
        assertThat(r.selectedName()).isEqualTo("high");
        List<BackendStatus> d = r.describe();
        assertThat(d).extracting(BackendStatus::name).containsExactly("broken", "high", "low");
        assertThat(d.get(0).available()).isFalse();
        assertThat(d.get(0).reason()).contains("libfoo.so.5");
        assertThat(d).filteredOn(BackendStatus::selected).extracting(BackendStatus::name).containsExactly("high");
        assertThat(broken.probes).hasValue(1);
    }

    @Test
    void explicitNameOverridesPriority() {
        BackendRegistry r = BackendRegistry.of(List.of(low, high), " LOW ");
        r.selected();
        assertThat(low.creations).hasValue(1);
        assertThat(high.creations).hasValue(0);
        assertThat(r.requestedName()).isEqualTo("low");
    }

    @Test
    void autoMeansNoExplicitChoice() {
        assertThat(BackendRegistry.of(List.of(low), "auto").requestedName()).isNull();
        assertThat(BackendRegistry.of(List.of(low), "  ").requestedName()).isNull();
    }

    @Test
    void unknownNameListsWhatExists() {
        BackendRegistry r = BackendRegistry.of(List.of(low, broken), "nosuch");
        assertThatThrownBy(r::selected).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("nosuch").hasMessageContaining("low (available)")
                .hasMessageContaining("broken (unavailable: libfoo.so.5 not found");
    }

    @Test
    void namingAnUnavailableBackendFailsWithItsReason() {
        BackendRegistry r = BackendRegistry.of(List.of(low, broken), null);
        assertThatThrownBy(() -> r.get("broken")).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("'broken'").hasMessageContaining("install package libfoo5");
    }

    @Test
    void aProbeThatThrowsCountsAsUnavailable() {
        FakeProvider throwing = new FakeProvider("throws", 50, null) {
            @Override
            public Availability probe() {
                throw new UnsatisfiedLinkError("no jblas in java.library.path");
            }
        };
        BackendRegistry r = BackendRegistry.of(List.of(throwing, low), null);
        assertThat(r.selected()).isNotNull();
        assertThat(low.creations).hasValue(1);
        assertThat(r.describe().get(0).reason()).contains("UnsatisfiedLinkError").contains("no jblas");
    }

    @Test
    void noBackendAtAllSaysWhatToDo() {
        assertThatThrownBy(() -> BackendRegistry.of(List.of(), null).selected())
                .isInstanceOf(BackendUnavailableException.class).hasMessageContaining("No backend providers were found")
                .hasMessageContaining("classpath");
        assertThatThrownBy(() -> BackendRegistry.of(List.of(broken), null).selected())
                .isInstanceOf(BackendUnavailableException.class).hasMessageContaining("libfoo5");
    }

    @Test
    void serviceLoaderDiscoveryFindsNothingInApiAlone() {
        // nn-api registers no provider itself; the real discovery is tested where backends are on the classpath
        assertThat(BackendRegistry.load(getClass().getClassLoader()).describe()).isEmpty();
    }
}

package io.github.nn4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.backend.Availability;
import io.github.nn4j.api.backend.BackendProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/** Discovery, identity, start-up settings and availability of the ND4J provider on this machine. */
class Nd4jBackendProviderTest {

    @Test
    void isRegisteredForServiceLoader() {
        assertThat(ServiceLoader.load(BackendProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(Nd4jBackendProvider.class);
    }

    @Test
    void probesAvailableAndDescribesDeviceAndThreads() {
        Nd4jBackendProvider p = new Nd4jBackendProvider();
        Nd4jTestBackends.standard(); // skips (or fails, when required) where the native library cannot load
        Availability a = p.probe();
        assertThat(a.isAvailable()).as(a.reason()).isTrue();
        assertThat(p.name()).isEqualTo("nd4j");
        assertThat(p.priority()).isEqualTo(Nd4jBackendProvider.PRIORITY);
        assertThat(Nd4jTestBackends.standard().name()).isEqualTo("nd4j");
        assertThat(Nd4jTestBackends.standard().description()).contains("ND4J 1.0.0-M2.1").contains("CPU")
                .contains("OpenBLAS threads");
    }

    @Test
    void startsQuietlyWithTheConfiguredThreadCounts() {
        Nd4jTestBackends.standard();
        // ND4J's own start-up logging switch, unless the user set it
        assertThat(System.getProperty(Nd4jRuntime.LOG_INIT_PROPERTY)).isEqualTo("false");
        String env = System.getenv("OMP_NUM_THREADS");
        int omp = NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
        int blas = Nd4j.factory().blas().getMaxThreads();
        if (env == null || env.isBlank()) {
            assertThat(omp).isEqualTo(Nd4jThreads.DEFAULT_OMP_THREADS);
            assertThat(blas).isEqualTo(Nd4jThreads.DEFAULT_BLAS_THREADS);
        } else {
            assertThat(omp).isEqualTo(Integer.parseInt(env.trim()));
        }
    }

    @Test
    void aThreadSettingThatIsNotAPositiveNumberIsNamed() {
        assertThat(Nd4jThreads.parse("p", null, 3)).isEqualTo(3);
        assertThat(Nd4jThreads.parse("p", " 2 ", 3)).isEqualTo(2);
        assertThatThrownBy(() -> Nd4jThreads.parse("nn4j.nd4j.blasThreads", "zero", 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-Dnn4j.nd4j.blasThreads=zero");
        assertThatThrownBy(() -> Nd4jThreads.parse("nn4j.nd4j.ompThreads", "0", 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-Dnn4j.nd4j.ompThreads=0");
    }
}

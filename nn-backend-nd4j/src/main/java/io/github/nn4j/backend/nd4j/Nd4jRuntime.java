package io.github.nn4j.backend.nd4j;

import io.github.nn4j.api.backend.Availability;
import io.github.nn4j.api.tensor.DType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts ND4J once per class loader: quietly, with sensible CPU thread counts, and proven by a tiny GEMM in both
 * precisions. Whatever backend ND4J finds on the classpath is used (nd4j-native for the CPU, nd4j-cuda for a
 * GPU); only {@link #hostMemory()} tells the two apart.
 *
 * <p>Quiet: ND4J logs a dozen INFO lines at start-up through SLF4J. Unless the user has set it, the system
 * property {@value #LOG_INIT_PROPERTY} (ND4J's own switch) is set to {@code false} before ND4J starts, which
 * silences all but one line ({@code CpuNDArrayFactory}: "Binary level ..."); configure the logger
 * {@code org.nd4j} at WARN to silence that too. A failed start is never quiet: the reason names the real cause
 * ({@link Nd4jLoadFailure}) and {@link io.github.nn4j.api.backend.BackendRegistry} logs it.
 */
final class Nd4jRuntime {
    /** ND4J's system property that switches its start-up INFO logging on or off. */
    static final String LOG_INIT_PROPERTY = "org.nd4j.log.initialization";

    private static final Logger LOG = LoggerFactory.getLogger(Nd4jRuntime.class);

    private static Availability availability;
    private static Nd4jRuntime runtime;

    private final boolean hostMemory;
    private final boolean hostBlas;
    private final String description;

    private Nd4jRuntime(boolean hostMemory, boolean hostBlas, String description) {
        this.hostMemory = hostMemory;
        this.hostBlas = hostBlas;
        this.description = description;
    }

    /** Whether ND4J works here; starts it on the first call. Never throws. */
    static synchronized Availability availability() {
        if (availability == null) {
            try {
                runtime = start();
                availability = Availability.available();
                LOG.debug("ND4J started: {}", runtime.description);
            } catch (Throwable t) { // UnsatisfiedLinkError, NoClassDefFoundError, ExceptionInInitializerError, ...
                availability = Availability.unavailable(Nd4jLoadFailure.explain(t, platform()), t);
            }
        }
        return availability;
    }

    /** The started runtime; only after {@link #availability()} reported available. */
    static synchronized Nd4jRuntime get() {
        if (runtime == null) {
            throw new IllegalStateException("ND4J is not available: " + availability().reason());
        }
        return runtime;
    }

    /** Whether the CPU can address the arrays' memory (true for nd4j-native, false for a GPU backend). */
    boolean hostMemory() {
        return hostMemory;
    }

    /** Whether {@link HostBlas} works here (products on host memory call OpenBLAS directly). */
    boolean hostBlas() {
        return hostBlas;
    }

    /**
     * The policy for tensors of this runtime: on a GPU ND4J ops only; on a CPU what
     * {@value HostPolicy#KERNELS_PROPERTY} asks for, by default host kernels below the measured thresholds.
     */
    HostPolicy policy() {
        return hostMemory ? HostPolicy.forSetting(System.getProperty(HostPolicy.KERNELS_PROPERTY), hostBlas)
                : HostPolicy.nativeOnly();
    }

    /** Library, device and threads, for {@link io.github.nn4j.api.backend.Backend#description()}. */
    String description() {
        return description;
    }

    private static Nd4jRuntime start() {
        if (System.getProperty(LOG_INIT_PROPERTY) == null) {
            System.setProperty(LOG_INIT_PROPERTY, "false");
        }
        boolean cpu = Nd4j.getEnvironment().isCPU();
        String threads = cpu ? Nd4jThreads.apply() : "device threads managed by ND4J";
        selfTest(DataType.FLOAT);
        selfTest(DataType.DOUBLE);
        boolean hostBlas = cpu && hostBlasWorks();
        String description = "ND4J " + nd4jVersion() + " " + Nd4j.getBackend().getClass().getSimpleName() + " ("
                + (cpu ? "CPU" : "GPU") + ", off-heap arrays; " + threads + ")";
        return new Nd4jRuntime(cpu, hostBlas, description);
    }

    /** The same product through {@link HostBlas}; on failure products go through ND4J, with a warning. */
    private static boolean hostBlasWorks() {
        try (INDArray a = Nd4j.create(new float[] {1, 2, 3, 4}, new long[] {2, 2}, 'c');
             INDArray b = Nd4j.create(new float[] {5, 6, 7, 8}, new long[] {2, 2}, 'c');
             INDArray c = Nd4j.create(new float[] {Float.NaN, Float.NaN, Float.NaN, Float.NaN}, new long[] {2, 2}, 'c')) {
            HostView cv = HostView.of(c, DType.FLOAT32);
            HostBlas.gemm(2, 2, 2, 1.0, HostView.of(a, DType.FLOAT32), 2, false,
                    HostView.of(b, DType.FLOAT32), 2, false, 0.0, cv);
            float[] got = new float[4];
            cv.readInto(got);
            if (java.util.Arrays.equals(got, new float[] {19, 22, 43, 50})) {
                return true;
            }
            LOG.warn("OpenBLAS called directly computed {} for a 2x2 test product; using ND4J's GEMM instead",
                    java.util.Arrays.toString(got));
        } catch (Throwable t) { // LinkageError when nd4j-native's OpenBLAS classes are absent
            LOG.warn("OpenBLAS cannot be called directly ({}); using ND4J's GEMM instead", t.toString());
        }
        return false;
    }

    /** [1 2; 3 4] · [5 6; 7 8] = [19 22; 43 50] through ND4J's GEMM, into an output full of NaN (beta = 0). */
    private static void selfTest(DataType type) {
        try (INDArray a = Nd4j.create(new double[] {1, 2, 3, 4}, new long[] {2, 2}, 'c').castTo(type);
             INDArray b = Nd4j.create(new double[] {5, 6, 7, 8}, new long[] {2, 2}, 'c').castTo(type);
             INDArray c = Nd4j.create(type, new long[] {2, 2}, 'c').assign(Double.NaN)) {
            NativeKernels.gemm(1.0, a, false, b, false, 0.0, c);
            double[] got = c.data().asDouble();
            double[] expected = {19, 22, 43, 50};
            if (!java.util.Arrays.equals(got, expected)) {
                throw new IllegalStateException("ND4J " + type + " GEMM self-test computed " + java.util.Arrays.toString(got)
                        + ", expected " + java.util.Arrays.toString(expected));
            }
        }
    }

    private static String nd4jVersion() {
        try (InputStream in = Nd4j.class.getResourceAsStream("/META-INF/maven/org.nd4j/nd4j-api/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "(unknown version)");
            }
        } catch (IOException e) {
            // fall through
        }
        return "(unknown version)";
    }

    /** JavaCPP's name for this platform, e.g. {@code linux-x86_64} (the classifier of the native jar). */
    static String platform() {
        try {
            return org.bytedeco.javacpp.Loader.getPlatform();
        } catch (Throwable t) {
            return System.getProperty("os.name") + "-" + System.getProperty("os.arch");
        }
    }
}

/**
 * The ND4J backend: tensors are off-heap ND4J arrays; large work runs as ND4J operations (OpenBLAS and libnd4j
 * on a CPU, cuBLAS and CUDA kernels on a GPU), small work in Java directly on the arrays' memory.
 *
 * <p>Put {@code nn-backend-nd4j} on the classpath; it is selected automatically when it is the highest-priority
 * available backend, or explicitly with {@code -Dnn4j.backend=nd4j} / {@code NN4J_BACKEND=nd4j}. See
 * {@link io.github.nn4j.backend.nd4j.Nd4jBackendProvider}.
 *
 * <p>CPU: the module depends on {@code org.nd4j:nd4j-native:1.0.0-M2.1}, whose POM adds the native jars of one
 * platform: the building machine's, or the one named by {@code -Djavacpp.platform=windows-x86_64} ({@code macosx-x86_64},
 * {@code linux-arm64}, ...) on the Maven command line; never {@code nd4j-native-platform}, which pulls every
 * platform's natives. The generic {@code linux-x86_64} build is
 * used rather than {@code -avx2}/{@code -avx512}: it was as fast here, and ND4J exits the JVM when a build needs
 * instructions the CPU lacks.
 *
 * <p>GPU: exclude {@code org.nd4j:nd4j-native} from this module's dependency and add
 * {@code org.nd4j:nd4j-cuda-11.6:1.0.0-M2.1} plus the same artifact with classifier {@code linux-x86_64} (or
 * {@code windows-x86_64}); it needs CUDA 11.6 and cuDNN 8.3 installed, or
 * {@code org.bytedeco:cuda-platform-redist:11.6-8.3-1.5.7} on the classpath. The backend then keeps every
 * kernel an ND4J operation on device memory; nothing in it assumes a CPU.
 *
 * <p>Threads (CPU) and logging: see {@link io.github.nn4j.backend.nd4j.Nd4jBackendProvider}.
 */
package io.github.nn4j.backend.nd4j;

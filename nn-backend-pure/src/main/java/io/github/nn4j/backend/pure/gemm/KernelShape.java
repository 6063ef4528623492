package io.github.nn4j.backend.pure.gemm;

import java.util.List;

/**
 * The register tile of a SIMD micro-kernel: {@code rows} rows of the product by {@code vectors} vectors of the
 * preferred width. Its inner loop keeps {@code rows x vectors} accumulators, {@code vectors} loaded vectors and one
 * broadcast live, {@link #registers()} in all; a shape runs without spills only where the CPU has that many vector
 * registers. The kernels of every shape in {@link #SIMD} are generated (the simd package's
 * {@code VectorMicroKernels}).
 *
 * <p>Which shape runs by default ({@link #forRegisters}) was chosen by measurement: nn-benchmarks/README.md,
 * "Micro-kernel shapes".
 *
 * @param rows rows of the block, at least 1
 * @param vectors vectors of the block, at least 1
 */
public record KernelShape(int rows, int vectors) {
    /** The shapes that have SIMD kernels, as {@code RxV}. */
    public static final List<KernelShape> SIMD = List.of(new KernelShape(4, 2), new KernelShape(6, 2),
            new KernelShape(4, 3), new KernelShape(8, 2), new KernelShape(8, 3), new KernelShape(12, 2));
    /** The default where the CPU has 16 vector registers (x86 up to AVX2): 15 live. */
    public static final KernelShape FOR_16_REGISTERS = new KernelShape(6, 2);
    /** The default where the CPU has 32 vector registers (AVX-512, Arm NEON and SVE): 19 live. */
    public static final KernelShape FOR_32_REGISTERS = new KernelShape(8, 2);

    /** Checks that both sides are positive. */
    public KernelShape {
        if (rows < 1 || vectors < 1) {
            throw new IllegalArgumentException("kernel shape " + rows + "x" + vectors + " must have positive sides");
        }
    }

    /** The default shape for a CPU with {@code registers} vector registers. */
    public static KernelShape forRegisters(int registers) {
        return registers >= 32 ? FOR_32_REGISTERS : FOR_16_REGISTERS;
    }

    /**
     * The SIMD shape named {@code name} ({@code "6x2"}: rows x vectors); an {@link IllegalArgumentException} lists the
     * shapes there are when it names none of them.
     */
    public static KernelShape parse(String name) {
        for (KernelShape s : SIMD) {
            if (s.name().equals(name.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a micro-kernel shape; use one of "
                + String.join(", ", SIMD.stream().map(KernelShape::name).toList()));
    }

    /** Vector registers the inner loop keeps live: accumulators, loaded vectors and one broadcast. */
    public int registers() {
        return rows * vectors + vectors + 1;
    }

    /** {@code RxV}, e.g. {@code 6x2}. */
    public String name() {
        return rows + "x" + vectors;
    }

    @Override
    public String toString() {
        return name();
    }
}

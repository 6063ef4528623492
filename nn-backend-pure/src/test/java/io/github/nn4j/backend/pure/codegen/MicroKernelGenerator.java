package io.github.nn4j.backend.pure.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the SIMD GEMM micro-kernels, one class per register-tile shape and precision, from one template: C2
 * keeps a block of accumulators in registers only when the rows and vectors are constants of the hot loop, so each
 * shape is its own class, and this generator keeps them from drifting apart. It also generates
 * {@code VectorMicroKernels}, the factory that maps a shape's name to its classes.
 *
 * <p>A shape {@code RxV} is {@code R} rows by {@code V} vectors of the preferred width: its inner loop keeps
 * {@code R V} accumulators, {@code V} vectors of the packed {@code b} panel and one broadcast of {@code a} live, so
 * it fits without spills when {@code R V + V + 1} is at most the CPU's vector registers (16 with AVX2, 32 with
 * AVX-512 or NEON). The shapes offered are {@link #SHAPES}; {@code KernelShape.SIMD} in main code must list the same
 * ({@code MicroKernelSourcesTest} checks it, and that every generated file is what this generator makes).
 *
 * <p>The inner loop counts the {@code b} panel's index and steps the {@code a} panel's index beside it, rather than
 * computing both from a step counter: C2 then proves the {@code b} loads in range once per loop and adds two
 * constants per step. Measured on {@code -XX:UseAVX=2} (6x2): 32 instructions per step against 42 for
 * {@code ap = aOff + p * MR}, which C2 rebuilt every step from shifts and adds with two bounds checks, and 7–9% more
 * GEMM throughput. The two bounds checks on {@code a} that remain are worth keeping: where the template made the
 * {@code a} index provable too (a power-of-two panel stride) or wrote two steps per iteration, C2 scheduled all the
 * broadcasts first and spilled accumulators to the stack (8–10 stack accesses per loop, 40–70% slower).
 *
 * <p>Each kernel has two inner loops, one per layout of the {@code a} panel ({@code DoubleMicroKernel} explains them),
 * the same but for the offsets of the broadcasts: {@code ap + i} in a step-by-step panel, {@code ap + i ROW_STRIDE}
 * in a row panel. The row stride is a constant, so each broadcast is one instruction with a fixed displacement and
 * the loop is as long as the other (32 instructions for 6x2 on {@code -XX:UseAVX=2}).
 *
 * <p>To regenerate after editing the template or the shapes, run from the repository root (it needs only the JDK):
 * {@value #COMMAND}.
 */
public final class MicroKernelGenerator {
    /** The shapes generated, rows x vectors. */
    public static final List<String> SHAPES = List.of("4x2", "6x2", "4x3", "8x2", "8x3", "12x2");
    /** The command that regenerates the files, run from the repository root. */
    public static final String COMMAND =
            "java nn-backend-pure/src/test/java/io/github/nn4j/backend/pure/codegen/MicroKernelGenerator.java";
    /** Where the generated files go, relative to the repository root. */
    public static final String DIRECTORY = "nn-backend-pure/src/main/java/io/github/nn4j/backend/pure/simd";
    /**
     * Packs a panel of a transposed {@code a}: each step is {@code MR} contiguous elements, copied as whole vectors.
     * Where a vector is longer than a step, it also writes the start of the next step, which that step then
     * overwrites; the last steps (whose vector would leave the panel or the array) are copied plainly.
     */
    private static final String PACK_TRANSPOSED = """
                @Override
                protected void packTransposedPanel($T[] a, int src, int lda, int depth, $T[] dst, int off) {
                    int p = 0;
                    if (MR >= LANES) { // whole vectors, the last overlapping the one before it within the step
                        for (; p < depth; p++) {
                            int s = src + p * lda;
                            int d = off + p * MR;
                            for (int v = 0; v < MR - LANES; v += LANES) {
                                $V.fromArray(S, a, s + v).intoArray(dst, d + v);
                            }
                            $V.fromArray(S, a, s + MR - LANES).intoArray(dst, d + MR - LANES);
                        }
                    } else { // one vector per step; the next step overwrites its LANES - MR extra elements
                        int inPanel = Math.floorDiv(depth * MR - LANES, MR) + 1;
                        int steps = Math.min(inPanel, Math.floorDiv(a.length - LANES - src, lda) + 1);
                        for (; p < steps; p++) {
                            $V.fromArray(S, a, src + p * lda).intoArray(dst, off + p * MR);
                        }
                    }
                    for (; p < depth; p++) {
                        System.arraycopy(a, src + p * lda, dst, off + p * MR, MR);
                    }
                }

            """;
    /** Longest line the generated code aims for. */
    private static final int MAX_LINE = 120;
    /** The factory class's file name. */
    public static final String FACTORY = "VectorMicroKernels.java";

    private MicroKernelGenerator() {
    }

    /** Writes every generated file into {@value #DIRECTORY}, printing those that changed. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(DIRECTORY);
        for (Map.Entry<String, String> e : files().entrySet()) {
            Path target = dir.resolve(e.getKey());
            if (!Files.exists(target) || !e.getValue().equals(Files.readString(target, StandardCharsets.UTF_8))) {
                Files.writeString(target, e.getValue(), StandardCharsets.UTF_8);
                System.out.println("regenerated " + target);
            }
        }
    }

    /** File name to contents, for every generated file. */
    public static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String shape : SHAPES) {
            String[] parts = shape.split("x");
            int rows = Integer.parseInt(parts[0]);
            int vectors = Integer.parseInt(parts[1]);
            for (Precision p : Precision.values()) {
                files.put(p.kernelClass(shape) + ".java", kernel(p, rows, vectors));
            }
        }
        files.put(FACTORY, factory());
        return files;
    }

    /** The two precisions and the names that differ between them. */
    enum Precision {
        FLOAT64("double", "Double"), FLOAT32("float", "Float");

        final String type;
        final String boxed;

        Precision(String type, String boxed) {
            this.type = type;
            this.boxed = boxed;
        }

        String kernelClass(String shape) {
            return "Vector" + boxed + "MicroKernel" + shape;
        }

        String vector() {
            return boxed + "Vector";
        }

        String zero() {
            return this == FLOAT64 ? "0.0" : "0f";
        }
    }

    private static String header(List<String> imports) {
        StringBuilder s = new StringBuilder();
        s.append("package io.github.nn4j.backend.pure.simd;\n\n");
        s.append("// GENERATED by ").append(MicroKernelGenerator.class.getName()).append(". Do not modify:\n");
        s.append("// edit its template and regenerate: ").append(COMMAND).append("\n\n");
        for (String i : imports) {
            s.append("import ").append(i).append(";\n");
        }
        s.append('\n');
        return s.toString();
    }

    private static String generatedAnnotation() {
        return "@Generated(value = \"" + MicroKernelGenerator.class.getName()
                + "\", comments = \"do not modify: edit the generator's template and regenerate\")\n";
    }

    static String kernel(Precision p, int rows, int vectors) {
        String t = p.type;
        String v = p.vector();
        String name = p.kernelClass(rows + "x" + vectors);
        StringBuilder s = new StringBuilder(header(List.of(
                "io.github.nn4j.backend.pure.gemm." + p.boxed + "MicroKernel",
                "javax.annotation.processing.Generated",
                "jdk.incubator.vector." + v,
                "jdk.incubator.vector.VectorSpecies")));
        s.append("/**\n");
        s.append(" * The SIMD ").append(p.name()).append(" GEMM micro-kernel of ").append(rows).append(" rows by ")
                .append(vectors).append(" vectors of the platform's preferred width.\n");
        s.append(" * Each step of the inner loop loads ").append(vectors)
                .append(" vectors of the packed {@code b} panel, broadcasts ").append(rows)
                .append(" elements of the packed\n");
        s.append(" * {@code a} panel one at a time and does ").append(rows * vectors)
                .append(" fused multiply-adds into as many accumulators: ").append(rows * vectors + vectors + 1)
                .append(" vector registers\n");
        s.append(" * live, so it runs without spills where the CPU has that many ({@code KernelShape} says which shape")
                .append(" runs where).\n");
        s.append(" * It reads the {@code a} panel in both layouts: step by step ({@code multiply}) and as rows")
                .append(" ({@code multiplyRowPanel}).\n");
        s.append(" */\n");
        s.append(generatedAnnotation());
        s.append("public final class ").append(name).append(" extends ").append(p.boxed).append("MicroKernel {\n");
        s.append("    private static final VectorSpecies<").append(p.boxed).append("> S = ").append(v)
                .append(".SPECIES_PREFERRED;\n");
        s.append("    private static final int LANES = S.length();\n");
        s.append("    /** Rows of the block. */\n");
        s.append("    public static final int MR = ").append(rows).append(";\n");
        s.append("    /** Columns of the block: ").append(vectors).append(" vectors. */\n");
        s.append("    public static final int NR = ").append(vectors).append(" * LANES;\n\n");
        s.append("    /** The ").append(rows).append(" x ").append(vectors).append("-vector kernel. */\n");
        s.append("    public ").append(name).append("() {\n");
        s.append("        super(MR, NR);\n");
        s.append("    }\n\n");

        s.append(multiply(p, rows, vectors, false));
        s.append(multiply(p, rows, vectors, true));
        s.append("    @Override\n");
        s.append("    protected boolean multipliesRowPanels() {\n");
        s.append("        return true;\n");
        s.append("    }\n\n");

        // packTransposedPanel
        s.append(PACK_TRANSPOSED.replace("$T", t).replace("$V", v));

        // copyBPanelRow
        s.append("    @Override\n");
        s.append("    protected void copyBPanelRow(").append(t).append("[] src, int srcOff, ").append(t)
                .append("[] dst, int dstOff) {\n");
        for (int j = 0; j < vectors; j++) {
            String plus = j == 0 ? "" : j == 1 ? " + LANES" : " + " + j + " * LANES";
            s.append("        ").append(v).append(".fromArray(S, src, srcOff").append(plus)
                    .append(").intoArray(dst, dstOff").append(plus).append(");\n");
        }
        s.append("    }\n\n");

        // combine
        s.append("    @Override\n");
        s.append("    protected void combine(").append(t).append("[] acc, int accOff, ").append(t).append(" alpha, ")
                .append(t).append(" beta, ").append(t).append("[] c, int cOff, int ldc) {\n");
        s.append("        if (beta == ").append(p.zero()).append(") {\n");
        s.append("            for (int i = 0; i < MR; i++) {\n");
        s.append("                int o = cOff + i * ldc;\n");
        s.append("                for (int j = 0; j < NR; j += LANES) {\n");
        s.append("                    ").append(v)
                .append(".fromArray(S, acc, accOff + i * NR + j).mul(alpha).intoArray(c, o + j);\n");
        s.append("                }\n");
        s.append("            }\n");
        s.append("        } else {\n");
        s.append("            for (int i = 0; i < MR; i++) {\n");
        s.append("                int o = cOff + i * ldc;\n");
        s.append("                for (int j = 0; j < NR; j += LANES) {\n");
        s.append("                    ").append(v).append(" scaled = ").append(v)
                .append(".fromArray(S, acc, accOff + i * NR + j).mul(alpha);\n");
        s.append("                    scaled.add(").append(v)
                .append(".fromArray(S, c, o + j).mul(beta)).intoArray(c, o + j);\n");
        s.append("                }\n");
        s.append("            }\n");
        s.append("        }\n");
        s.append("    }\n");
        s.append("}\n");
        return s.toString();
    }

    /** The inner loop over a step-by-step {@code a} panel ({@code multiply}) or a row panel. */
    private static String multiply(Precision p, int rows, int vectors, boolean rowPanel) {
        String t = p.type;
        String v = p.vector();
        StringBuilder s = new StringBuilder();
        s.append("    @Override\n");
        s.append("    protected void ").append(rowPanel ? "multiplyRowPanel" : "multiply").append("(int kc, ").append(t)
                .append("[] a, int aOff, ").append(t).append("[] b, int bOff, ").append(t)
                .append("[] acc, int accOff) {\n");
        for (int i = 0; i < rows; i++) {
            StringBuilder line = new StringBuilder("       ");
            for (int j = 0; j < vectors; j++) {
                line.append(" ").append(v).append(" c").append(i).append('_').append(j).append(" = ").append(v)
                        .append(".zero(S);");
            }
            if (line.length() <= MAX_LINE) {
                s.append(line).append('\n');
            } else {
                for (int j = 0; j < vectors; j++) {
                    s.append("        ").append(v).append(" c").append(i).append('_').append(j).append(" = ")
                            .append(v).append(".zero(S);\n");
                }
            }
        }
        s.append("        int ap = aOff;\n");
        s.append("        // b's index counts the loop and a's steps beside it: see MicroKernelGenerator\n");
        s.append("        for (int bp = bOff, end = bOff + kc * NR; bp < end; bp += NR, ap")
                .append(rowPanel ? "++" : " += MR").append(") {\n");
        for (int j = 0; j < vectors; j++) {
            s.append("            ").append(v).append(" b").append(j).append(" = ").append(v)
                    .append(".fromArray(S, b, bp").append(j == 0 ? "" : j == 1 ? " + LANES" : " + " + j + " * LANES")
                    .append(");\n");
        }
        for (int i = 0; i < rows; i++) {
            s.append("            ").append(v).append(" a").append(i).append(" = ").append(v)
                    .append(".broadcast(S, a[ap").append(i == 0 ? "" : rowPanel ? " + " + rowOffset(i) : " + " + i)
                    .append("]);\n");
            s.append("           ");
            for (int j = 0; j < vectors; j++) {
                s.append(" c").append(i).append('_').append(j).append(" = b").append(j).append(".fma(a").append(i)
                        .append(", c").append(i).append('_').append(j).append(");");
            }
            s.append('\n');
        }
        s.append("        }\n");
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < vectors; j++) {
                int index = i * vectors + j;
                s.append("        c").append(i).append('_').append(j).append(".intoArray(acc, accOff")
                        .append(index == 0 ? "" : index == 1 ? " + LANES" : " + " + index + " * LANES").append(");\n");
            }
        }
        s.append("    }\n\n");
        return s.toString();
    }

    private static String rowOffset(int row) {
        return row == 1 ? "ROW_STRIDE" : row + " * ROW_STRIDE";
    }

    static String factory() {
        StringBuilder s = new StringBuilder(header(List.of(
                "io.github.nn4j.backend.pure.gemm.DoubleMicroKernel",
                "io.github.nn4j.backend.pure.gemm.FloatMicroKernel",
                "io.github.nn4j.backend.pure.gemm.KernelShape",
                "javax.annotation.processing.Generated")));
        s.append("/** The SIMD micro-kernel of each {@link KernelShape}, in both precisions. */\n");
        s.append(generatedAnnotation());
        s.append("public final class VectorMicroKernels {\n");
        s.append("    private VectorMicroKernels() {\n");
        s.append("    }\n");
        for (Precision p : new Precision[] {Precision.FLOAT32, Precision.FLOAT64}) {
            s.append("\n    /** The ").append(p.name()).append(" micro-kernel of {@code shape}. */\n");
            s.append("    public static ").append(p.boxed).append("MicroKernel ").append(p.type)
                    .append("Kernel(KernelShape shape) {\n");
            s.append("        switch (shape.name()) {\n");
            for (String shape : SHAPES) {
                s.append("            case \"").append(shape).append("\":\n");
                s.append("                return new ").append(p.kernelClass(shape)).append("();\n");
            }
            s.append("            default:\n");
            s.append("                throw new IllegalArgumentException(\"no SIMD micro-kernel of shape \"")
                    .append(" + shape);\n");
            s.append("        }\n");
            s.append("    }\n");
        }
        s.append("}\n");
        return s.toString();
    }
}

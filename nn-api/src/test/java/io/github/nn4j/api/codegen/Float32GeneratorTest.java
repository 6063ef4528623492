package io.github.nn4j.api.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The generator's rules, on a small FLOAT64 source. */
class Float32GeneratorTest {
    private static final String SOURCE = String.join("\n",
            "package p;",
            "",
            "import java.util.Arrays;",
            "",
            "/** FLOAT64 kernels in double precision on {@code double[]}: DoubleVector. */",
            "final class DoubleThing {",
            "    static double sum(double[] a) { // same in FLOAT32",
            "        double s = 0.0; // same in FLOAT32",
            "        double half = 0.5 * a[0] + 1e-3 + 2.5e+2;",
            "        double[] copy = doubles(a);",
            "        Double boxed = Double.NaN; // 0.25 in a comment stays",
            "        return (double) s + half + DOUBLE_LIMIT;",
            "    }",
            "}",
            "");

    @Test
    void convertsTypesNamesAndLiteralsAndKeepsMarkedLines() {
        String out = Float32Generator.generate(SOURCE, "DoubleThing.java");
        assertThat(out).contains("// GENERATED from DoubleThing.java by " + Float32Generator.class.getName())
                .contains("import java.util.Arrays;\nimport javax.annotation.processing.Generated;")
                .contains("/** FLOAT32 kernels in double precision on {@code float[]}: FloatVector. */")
                .contains("@Generated(value = \"" + Float32Generator.class.getName()
                        + "\", comments = \"from DoubleThing.java; do not modify: edit that file and regenerate\")\n"
                        + "final class FloatThing {")
                .contains("    static double sum(float[] a) { // same in FLOAT32")
                .contains("        double s = 0.0; // same in FLOAT32")
                .contains("        float half = 0.5f * a[0] + 1e-3f + 2.5e+2f;")
                .contains("        float[] copy = floats(a);")
                .contains("        Float boxed = Float.NaN; // 0.25 in a comment stays")
                .contains("        return (float) s + half + FLOAT_LIMIT;");
    }

    @Test
    void generatingIsStableAndNamesTheTarget() {
        String out = Float32Generator.generate(SOURCE, "DoubleThing.java");
        assertThat(Float32Generator.generate(SOURCE, "DoubleThing.java")).isEqualTo(out);
        assertThat(Float32Generator.targetName("VectorDoubleKernels.java")).isEqualTo("VectorFloatKernels.java");
        assertThatThrownBy(() -> Float32Generator.targetName("Transpose.java"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Double");
        assertThatThrownBy(() -> Float32Generator.generate("package p;\n// nothing\n", "DoubleNothing.java"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DoubleNothing.java");
    }
}

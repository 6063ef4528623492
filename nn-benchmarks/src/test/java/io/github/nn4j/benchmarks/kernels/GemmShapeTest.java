package io.github.nn4j.benchmarks.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GemmShapeTest {

    @Test
    void parsesDimensionsAndTransposeFlags() {
        assertThat(GemmShape.parse("256x784x128")).isEqualTo(new GemmShape(256, 784, 128, false, false));
        assertThat(GemmShape.parse("784x64x128:tA")).isEqualTo(new GemmShape(784, 64, 128, true, false));
        assertThat(GemmShape.parse("64x128x784:tB")).isEqualTo(new GemmShape(64, 128, 784, false, true));
        assertThat(GemmShape.parse("2x3x4:tA:tB")).isEqualTo(new GemmShape(2, 3, 4, true, true));
    }

    @Test
    void countsTwoFlopsPerMultiplyAdd() {
        assertThat(GemmShape.parse("1024x1024x1024").flops()).isEqualTo(2.0 * 1024 * 1024 * 1024);
        assertThat(GemmShape.parse("256x784x128").flops()).isEqualTo(2.0 * 256 * 784 * 128);
    }

    @Test
    void describesTheProduct() {
        assertThat(GemmShape.parse("784x256x128:tA").describe()).isEqualTo("784×256×128, Aᵀ·B");
        assertThat(GemmShape.parse("256x784x128").describe()).isEqualTo("256×784×128");
    }

    @Test
    void rejectsMalformedShapesNamingThem() {
        assertThatThrownBy(() -> GemmShape.parse("256x784")).hasMessageContaining("'256x784'");
        assertThatThrownBy(() -> GemmShape.parse("256xAx128")).hasMessageContaining("'A' is not an integer");
        assertThatThrownBy(() -> GemmShape.parse("2x3x4:tC")).hasMessageContaining("unknown flag 'tC'");
        assertThatThrownBy(() -> GemmShape.parse("0x3x4")).hasMessageContaining("m=0");
    }
}

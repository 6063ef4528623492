package io.github.nn4j.api.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.reference.ReferenceBackend;
import org.junit.jupiter.api.Test;

class ShapeAndBufferTest {

    @Test
    void shapesValidateAndCompare() {
        assertThat(Shape.of(2, 3)).isEqualTo(Shape.matrix(2, 3)).hasSameHashCodeAs(Shape.matrix(2, 3));
        assertThat(Shape.of(2, 3).size()).isEqualTo(6);
        assertThat(Shape.of(2, 3).withFirstDim(5)).isEqualTo(Shape.of(5, 3));
        assertThat(Shape.of(4).toString()).isEqualTo("[4]");
        assertThatThrownBy(() -> Shape.of(2, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2, 0]");
        assertThatThrownBy(() -> Shape.of()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Shape.of(65536, 65536)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("elements");
        assertThatThrownBy(() -> Shape.of(3).rows()).isInstanceOf(IllegalStateException.class);
        int[] dims = {2, 3};
        Shape s = Shape.of(dims);
        dims[0] = 9;
        assertThat(s.dim(0)).isEqualTo(2);
    }

    @Test
    void reusableBufferKeepsFourShapesAndEvictsTheOldest() {
        Backend be = new ReferenceBackend();
        try (ReusableBuffer buf = new ReusableBuffer()) {
            Tensor a = buf.get(be, DType.FLOAT32, Shape.of(256, 10));
            Tensor b = buf.get(be, DType.FLOAT32, Shape.of(192, 10));
            assertThat(buf.get(be, DType.FLOAT32, Shape.of(256, 10))).isSameAs(a);
            assertThat(buf.get(be, DType.FLOAT32, Shape.of(192, 10))).isSameAs(b);
            Tensor c = buf.get(be, DType.FLOAT32, Shape.of(1, 10));
            Tensor d = buf.get(be, DType.FLOAT64, Shape.of(1, 10));
            assertThat(d).isNotSameAs(c);
            buf.get(be, DType.FLOAT32, Shape.of(2, 10)); // evicts the least recently used: a
            assertThat(a.isClosed()).isTrue();
            assertThat(b.isClosed()).isFalse();
            buf.close();
            assertThat(b.isClosed()).isTrue();
        }
    }
}

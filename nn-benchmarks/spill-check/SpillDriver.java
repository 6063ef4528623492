import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.Backends;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;

/** Runs enough 256x256x256 FLOAT32 products on the pure backend for C2 to compile its micro-kernel (spill-check.sh). */
public class SpillDriver {
    public static void main(String[] args) {
        Backend b = Backends.get("pure");
        System.err.println(b.description());
        try (Tensor x = b.randomUniform(DType.FLOAT32, Shape.matrix(256, 256), -1, 1, 1);
             Tensor y = b.randomUniform(DType.FLOAT32, Shape.matrix(256, 256), -1, 1, 2);
             Tensor c = b.zeros(DType.FLOAT32, Shape.matrix(256, 256))) {
            for (int i = 0; i < 3000; i++) {
                b.gemm(1.0, x, false, y, false, 0.0, c);
            }
        }
    }
}

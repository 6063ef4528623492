package io.github.nn4j.spark.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExampleOptionsTest {

    @Test
    void defaultsAndValues() {
        ExampleOptions d = ExampleOptions.parse(new String[0]);
        assertThat(d).isEqualTo(new ExampleOptions(null, null, 3, 0, 64, 8, 60_000, 0.05, 42, null, null, false));
        ExampleOptions o = ExampleOptions.parse(new String[] {"--master", "local[2]", "--data", "d", "--epochs", "5",
            "--partitions", "4", "--batch-size", "32", "--averaging-period", "16", "--train-images", "1000",
            "--learning-rate", "0.1", "--seed", "-3", "--backend", "jblas", "--out", "o", "--local-fit"});
        assertThat(o).isEqualTo(new ExampleOptions("local[2]", Path.of("d"), 5, 4, 32, 16, 1000, 0.1, -3, "jblas",
                Path.of("o"), true));
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> ExampleOptions.parse(new String[] {"--epochs", "0"}))
                .hasMessage("--epochs must be a positive integer, got 0");
        assertThatThrownBy(() -> ExampleOptions.parse(new String[] {"--batch-size", "x"}))
                .hasMessage("--batch-size must be an integer, got 'x'");
        assertThatThrownBy(() -> ExampleOptions.parse(new String[] {"--learning-rate", "NaN"}))
                .hasMessage("--learning-rate must be positive and finite, got NaN");
        assertThatThrownBy(() -> ExampleOptions.parse(new String[] {"--master"})).hasMessage("--master needs a value");
        assertThatThrownBy(() -> ExampleOptions.parse(new String[] {"--epoch", "3"})).hasMessage("unknown option '--epoch'");
    }
}

package io.github.nn4j.backend.pure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The trap-limit probe reads the real JVM option: the build runs the tests once without it (HotSpot's
 * default, 100) and once, with the Vector API module, with {@code -XX:PerMethodTrapLimit=10000}.
 */
class TrapLimitTest {
    @Test
    void readsTheOptionOfThisJvm() {
        OptionalLong value = PureOptions.trapLimit();
        assertThat(value).as("PerMethodTrapLimit of this HotSpot JVM").isPresent();
        if (PureOptions.vectorModulePresent()) {
            assertThat(value.getAsLong()).as("the build starts the Vector API test JVM with the raised limit")
                    .isEqualTo(PureOptions.RECOMMENDED_TRAP_LIMIT);
        } else {
            assertThat(value.getAsLong()).as("HotSpot's default in the plain test JVM").isEqualTo(100);
        }
    }

    @Test
    void hintsOnlyWhenTheLimitIsLow() {
        long value = PureOptions.trapLimit().orElseThrow();
        if (value < PureOptions.RECOMMENDED_TRAP_LIMIT) {
            assertThat(PureOptions.trapLimitRaised()).isFalse();
            assertThat(PureOptions.trapLimitHint()).contains("-XX:PerMethodTrapLimit=10000").contains("now " + value);
        } else {
            assertThat(PureOptions.trapLimitRaised()).isTrue();
            assertThat(PureOptions.trapLimitHint()).isEmpty();
        }
    }
}

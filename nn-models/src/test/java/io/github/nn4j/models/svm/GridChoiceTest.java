package io.github.nn4j.models.svm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class GridChoiceTest {

    @Test
    void standardErrorOfAnAccuracy() {
        assertThat(GridChoice.standardError(0.98, 4000)).isCloseTo(Math.sqrt(0.98 * 0.02 / 4000), within(1e-15))
                .isCloseTo(0.002214, within(1e-6));
        assertThat(GridChoice.standardError(1.0, 10)).isZero();
        assertThatThrownBy(() -> GridChoice.standardError(0.9, 0)).hasMessageContaining("validation size");
    }

    @Test
    void takesTheSmallestGammaWithinOneStandardErrorOfTheBest() {
        // Best 0.9763 on 4,000 images: one standard error is 0.0024, so 0.9740 qualifies and 0.9738 does not.
        List<GridPoint> grid = List.of(point(1.0, 10, 0.9740), point(1.5, 10, 0.9763), point(2.0, 10, 0.9748));
        List<GridPoint> narrower = List.of(point(1.0, 10, 0.9738), point(1.5, 10, 0.9763), point(2.0, 10, 0.9748));

        assertThat(GridChoice.choose(grid, 4000)).isSameAs(grid.get(0));
        assertThat(GridChoice.choose(narrower, 4000)).isSameAs(narrower.get(1));
        assertThat(GridChoice.bestAccuracy(grid)).isEqualTo(0.9763);
    }

    @Test
    void ordersByGammaThenCThenPosition() {
        GridPoint late = point(2.0, 3, 0.95);
        GridPoint smallC = point(1.0, 3, 0.95);
        GridPoint largeC = point(1.0, 30, 0.95);
        GridPoint twin = point(1.0, 3, 0.95);

        assertThat(GridChoice.choose(List.of(late, largeC, smallC, twin), 100)).isSameAs(smallC);
        // With a huge validation set the standard error vanishes and only the best qualifies.
        GridPoint best = point(2.0, 30, 0.951);
        assertThat(GridChoice.choose(List.of(smallC, best), 100_000_000)).isSameAs(best);
    }

    @Test
    void clearlyBetterMeansByMoreThanOneStandardError() {
        double se = GridChoice.standardError(0.9740, 4000); // 0.00252

        assertThat(GridChoice.clearlyBetter(0.9740 + se + 1e-6, 0.9740, 4000)).isTrue();
        assertThat(GridChoice.clearlyBetter(0.9763, 0.9740, 4000)).isFalse();
        assertThat(GridChoice.clearlyBetter(0.9700, 0.9740, 4000)).isFalse();
    }

    @Test
    void rejectsAnEmptyGrid() {
        assertThatThrownBy(() -> GridChoice.choose(List.of(), 10)).hasMessageContaining("the grid is empty");
    }

    private static GridPoint point(double gamma, double c, double accuracy) {
        return new GridPoint(new SvmCandidate(FeatureScaling.UNIFORM, new RbfSvmParams(gamma, c)), accuracy, 1.0);
    }
}

package dev.rehearse.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CorrelationTest {
  @Test
  void matchesAWorkedExample() {
    // means 3 and 4; deviations (-2,-1,0,1,2) and (-2,0,1,0,1): sum of products 6, squares 10 and
    // 6,
    // so r = 6 / sqrt(60) = 0.774597
    double r = Correlation.pearson(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 5, 4, 5});
    assertThat(r).isCloseTo(0.774597, within(1e-6));
  }

  @Test
  void ignoresScaleAndShiftButNotDirection() {
    double[] x = {0, 0.5, 1, 1, 0.5, 0};
    double[] scaled = {10, 35, 60, 60, 35, 10};
    double[] reversed = {1, 0.5, 0, 0, 0.5, 1};
    assertThat(Correlation.pearson(x, scaled)).isCloseTo(1, within(1e-12));
    assertThat(Correlation.pearson(x, reversed)).isCloseTo(-1, within(1e-12));
  }

  @Test
  void refusesSeriesItCannotCorrelate() {
    assertThatThrownBy(() -> Correlation.pearson(new double[] {1, 2}, new double[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Correlation.pearson(new double[] {1}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Correlation.pearson(new double[] {1, 2, 3}, new double[] {4, 4, 4}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package dev.rehearse.assessment.scoring;

/** Agreement between our scores and human grades. */
final class Correlation {
  private Correlation() {}

  /** Pearson's r of two equally long series; undefined (an exception) when either is constant. */
  static double pearson(double[] x, double[] y) {
    if (x.length != y.length || x.length < 2) {
      throw new IllegalArgumentException(
          "need two series of the same length, at least 2: " + x.length + ", " + y.length);
    }
    double meanX = mean(x);
    double meanY = mean(y);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      double dx = x[i] - meanX;
      double dy = y[i] - meanY;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    if (sxx == 0 || syy == 0) {
      throw new IllegalArgumentException("a constant series has no correlation");
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }
}

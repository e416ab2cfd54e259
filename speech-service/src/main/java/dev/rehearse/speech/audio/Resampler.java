package dev.rehearse.speech.audio;

/**
 * Band-limited resampling to 16 kHz: windowed-sinc interpolation whose cut-off follows the lower of
 * the two Nyquist frequencies, so 44.1/48 kHz input does not alias into the speech band.
 */
final class Resampler {
  /**
   * Zero crossings of the sinc on each side of a sample; 16 keeps the pass band flat for speech.
   */
  private static final int ZERO_CROSSINGS = 16;

  private Resampler() {}

  static float[] resample(float[] in, int inRate, int outRate) {
    if (inRate == outRate) {
      return in;
    }
    double ratio = (double) outRate / inRate;
    int outLength = (int) Math.floor(in.length * ratio);
    double cutoff = Math.min(1.0, ratio) * 0.95;
    int reach = (int) Math.ceil(ZERO_CROSSINGS / cutoff);
    float[] out = new float[outLength];
    for (int i = 0; i < outLength; i++) {
      double t = i / ratio;
      int center = (int) Math.floor(t);
      double sum = 0;
      double weights = 0;
      for (int k = Math.max(0, center - reach + 1);
          k <= Math.min(in.length - 1, center + reach);
          k++) {
        double x = t - k;
        double w = sinc(cutoff * x) * hann(x / reach);
        sum += in[k] * w;
        weights += w;
      }
      out[i] = weights == 0 ? 0 : (float) (sum / weights);
    }
    return out;
  }

  private static double sinc(double x) {
    return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
  }

  /** Hann window over [-1, 1]. */
  private static double hann(double x) {
    return Math.abs(x) >= 1 ? 0 : 0.5 + 0.5 * Math.cos(Math.PI * x);
  }
}

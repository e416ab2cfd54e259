package dev.rehearse.speech.audio;

import io.micronaut.core.annotation.Nullable;

/**
 * Band-limited resampling to 16 kHz: windowed-sinc interpolation whose cut-off follows the lower of
 * the two Nyquist frequencies, so 44.1/48 kHz input does not alias into the speech band.
 */
final class Resampler {
  /**
   * Zero crossings of the sinc on each side of a sample; 16 keeps the pass band flat for speech.
   */
  private static final int ZERO_CROSSINGS = 16;

  /**
   * Fractional positions between two input samples whose weights are computed once: each output
   * sample uses the nearest (a shift of at most 1/512 sample, far below what speech recognition
   * hears). Computing a sine and a cosine per tap instead made 192 kHz input cost seconds.
   */
  private static final int PHASES = 256;

  /** Output samples between two looks at the clock. */
  private static final int CHECK_EVERY = 4096;

  private Resampler() {}

  /** The resampled signal, or null when the clock passed {@code deadline} (a System.nanoTime). */
  static @Nullable float[] resample(float[] in, int inRate, int outRate, long deadline) {
    if (inRate == outRate) {
      return in;
    }
    double ratio = (double) outRate / inRate;
    int outLength = (int) Math.floor(in.length * ratio);
    double cutoff = Math.min(1.0, ratio) * 0.95;
    int reach = (int) Math.ceil(ZERO_CROSSINGS / cutoff);
    float[][] phases = phases(cutoff, reach);
    float[] out = new float[outLength];
    for (int i = 0; i < outLength; i++) {
      if (i % CHECK_EVERY == 0 && System.nanoTime() - deadline >= 0) {
        return null;
      }
      double t = i / ratio;
      int center = (int) Math.floor(t);
      int first = center - reach + 1;
      float[] w = phases[(int) Math.round((t - center) * PHASES)];
      double sum = 0;
      double weights = 0;
      for (int j = Math.max(0, -first); j < w.length && first + j < in.length; j++) {
        sum += in[first + j] * w[j];
        weights += w[j];
      }
      out[i] = weights == 0 ? 0 : (float) (sum / weights);
    }
    return out;
  }

  /**
   * For an output at {@code p / PHASES} past an input sample, the weights of the 2 × reach input
   * samples around it, from {@code reach - 1} before to {@code reach} after.
   */
  private static float[][] phases(double cutoff, int reach) {
    float[][] phases = new float[PHASES + 1][2 * reach];
    for (int p = 0; p <= PHASES; p++) {
      for (int j = 0; j < 2 * reach; j++) {
        double x = (double) p / PHASES + reach - 1 - j;
        phases[p][j] = (float) (sinc(cutoff * x) * hann(x / reach));
      }
    }
    return phases;
  }

  private static double sinc(double x) {
    return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
  }

  /** Hann window over [-1, 1]. */
  private static double hann(double x) {
    return Math.abs(x) >= 1 ? 0 : 0.5 + 0.5 * Math.cos(Math.PI * x);
  }
}

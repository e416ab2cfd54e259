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
   * Kernel table entries per input sample: the kernel is read from a table (linear interpolation)
   * instead of computing a sine and a cosine per tap, which made 192 kHz input cost seconds.
   */
  private static final int STEPS = 256;

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
    float[] kernel = kernel(cutoff, reach);
    float[] out = new float[outLength];
    for (int i = 0; i < outLength; i++) {
      if (i % CHECK_EVERY == 0 && System.nanoTime() - deadline >= 0) {
        return null;
      }
      double t = i / ratio;
      int center = (int) Math.floor(t);
      double sum = 0;
      double weights = 0;
      for (int k = Math.max(0, center - reach + 1);
          k <= Math.min(in.length - 1, center + reach);
          k++) {
        double w = weight(kernel, Math.abs(t - k) * STEPS);
        sum += in[k] * w;
        weights += w;
      }
      out[i] = weights == 0 ? 0 : (float) (sum / weights);
    }
    return out;
  }

  /** The kernel at 0, 1/STEPS, 2/STEPS ... reach samples from the centre (it is symmetric). */
  private static float[] kernel(double cutoff, int reach) {
    float[] table = new float[reach * STEPS + 2];
    for (int j = 0; j < table.length; j++) {
      double x = (double) j / STEPS;
      table[j] = (float) (sinc(cutoff * x) * hann(x / reach));
    }
    return table;
  }

  private static double weight(float[] kernel, double at) {
    int j = (int) at;
    if (j + 1 >= kernel.length) {
      return 0;
    }
    double f = at - j;
    return kernel[j] * (1 - f) + kernel[j + 1] * f;
  }

  private static double sinc(double x) {
    return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
  }

  /** Hann window over [-1, 1]. */
  private static double hann(double x) {
    return Math.abs(x) >= 1 ? 0 : 0.5 + 0.5 * Math.cos(Math.PI * x);
  }
}

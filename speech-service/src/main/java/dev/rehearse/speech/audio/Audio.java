package dev.rehearse.speech.audio;

/**
 * A validated recording, normalised for Vosk: 16 kHz mono 16-bit little-endian PCM, plus what the
 * upload was (rate, channels) for the record.
 */
public record Audio(byte[] pcm, int sourceRate, int sourceChannels) {
  public static final int RATE = 16_000;

  public double seconds() {
    return pcm.length / 2.0 / RATE;
  }
}

package dev.rehearse.speech;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Builds WAV files in tests: a header around PCM, tones, and the PCM of committed recordings. */
public final class Wavs {
  private Wavs() {}

  /** A canonical 44-byte-header WAV; {@code format} 1 = PCM, 3 = float. */
  public static byte[] wav(byte[] data, int rate, int channels, int bits, int format) {
    ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + data.length).put("WAVE".getBytes());
    b.put("fmt ".getBytes())
        .putInt(16)
        .putShort((short) format)
        .putShort((short) channels)
        .putInt(rate)
        .putInt(rate * channels * bits / 8)
        .putShort((short) (channels * bits / 8))
        .putShort((short) bits);
    b.put("data".getBytes()).putInt(data.length).put(data);
    return b.array();
  }

  public static byte[] wav16(byte[] pcm, int rate, int channels) {
    return wav(pcm, rate, channels, 16, 1);
  }

  /** A copy of a canonical WAV whose data chunk declares {@code size} bytes, true or not. */
  public static byte[] declaringDataSize(byte[] wav, int size) {
    byte[] copy = wav.clone();
    ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(40, size);
    return copy;
  }

  /** The samples of a canonical WAV (the committed recordings have 44-byte headers). */
  public static byte[] pcm(byte[] wav) {
    return Arrays.copyOfRange(wav, 44, wav.length);
  }

  /** A sine tone, 16-bit mono little-endian. */
  public static byte[] tone(double hertz, double seconds, int rate, double amplitude) {
    int n = (int) (seconds * rate);
    ByteBuffer b = ByteBuffer.allocate(n * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      b.putShort((short) Math.round(amplitude * Math.sin(2 * Math.PI * hertz * i / rate)));
    }
    return b.array();
  }
}

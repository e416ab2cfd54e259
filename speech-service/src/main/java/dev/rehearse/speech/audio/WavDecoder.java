package dev.rehearse.speech.audio;

import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads an uploaded WAV strictly, in Java: RIFF/WAVE, PCM 16-bit, 8-192 kHz, mono or stereo, at
 * most two minutes, not silent. Whatever is wrong becomes a problem saying what and how to fix it:
 * 415 for another format, 413 for too long, 400 for a broken, empty or silent file. Declared sizes
 * are never trusted for allocation, so a lying header cannot exhaust memory.
 */
@Singleton
public class WavDecoder {
  public static final double MAX_SECONDS = 120;
  static final int MIN_RATE = 8_000;
  static final int MAX_RATE = 192_000;
  private static final double MIN_SECONDS = 0.1;

  /** Loudest 50 ms below this RMS (about -50 dBFS) means nobody spoke. */
  private static final double SILENCE_RMS = 100;

  private static final int FORMAT_PCM = 1;
  private static final int FORMAT_EXTENSIBLE = 0xFFFE;

  public Audio decode(byte[] body) {
    if (body == null || body.length == 0) {
      throw problem(
          HttpStatus.BAD_REQUEST, "audio", "the body is empty: send the recording as a WAV file");
    }
    ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
    if (body.length < 12 || !tag(body, 0, "RIFF") || !tag(body, 8, "WAVE")) {
      throw problem(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "audio",
          "not a WAV file (no RIFF/WAVE header): record or export as WAV, PCM 16-bit");
    }
    Format format = null;
    int at = 12;
    while (at + 8 <= body.length) {
      long size = Integer.toUnsignedLong(b.getInt(at + 4));
      int start = at + 8;
      if (tag(body, at, "fmt ")) {
        format = readFormat(b, start, size);
      } else if (tag(body, at, "data")) {
        if (format == null) {
          throw problem(
              HttpStatus.BAD_REQUEST,
              "format",
              "the data chunk comes before the fmt chunk: the header is broken");
        }
        return readData(body, start, size, format);
      }
      long next = start + size + (size & 1);
      if (next > body.length) {
        break;
      }
      at = (int) next;
    }
    if (format == null) {
      throw problem(
          HttpStatus.BAD_REQUEST, "format", "no fmt chunk: the WAV header is missing or truncated");
    }
    throw problem(
        HttpStatus.BAD_REQUEST,
        "audio",
        "no data chunk: the WAV file has a header but no samples (truncated upload?)");
  }

  private record Format(int channels, int rate) {}

  private static Format readFormat(ByteBuffer b, int start, long size) {
    if (size < 16 || start + 16 > b.capacity()) {
      throw problem(HttpStatus.BAD_REQUEST, "format", "the fmt chunk is truncated");
    }
    int code = Short.toUnsignedInt(b.getShort(start));
    int channels = Short.toUnsignedInt(b.getShort(start + 2));
    long rate = Integer.toUnsignedLong(b.getInt(start + 4));
    int blockAlign = Short.toUnsignedInt(b.getShort(start + 12));
    int bits = Short.toUnsignedInt(b.getShort(start + 14));
    if (code == FORMAT_EXTENSIBLE && size >= 40 && start + 26 <= b.capacity()) {
      code =
          Short.toUnsignedInt(
              b.getShort(start + 24)); // the sub-format GUID starts with the format code
    }
    if (code != FORMAT_PCM) {
      throw problem(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "format",
          "the WAV holds "
              + encoding(code)
              + " audio; only PCM 16-bit is accepted: export as \"WAV, PCM signed 16-bit\"");
    }
    if (bits != 16) {
      throw problem(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "format",
          "the WAV has "
              + bits
              + "-bit samples; only PCM 16-bit is accepted: export as \"WAV, PCM signed 16-bit\"");
    }
    if (channels != 1 && channels != 2) {
      throw problem(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "channels",
          "the WAV has " + channels + " channels; send mono or stereo");
    }
    if (rate < MIN_RATE || rate > MAX_RATE) {
      throw problem(
          HttpStatus.BAD_REQUEST,
          "sampleRate",
          "the sample rate "
              + rate
              + " Hz is outside 8000-192000 Hz; 16000 Hz or 44100 Hz are usual");
    }
    if (blockAlign != channels * 2) {
      throw problem(
          HttpStatus.BAD_REQUEST,
          "format",
          "the header is inconsistent: block align "
              + blockAlign
              + " for "
              + channels
              + " channel(s) of 16-bit samples");
    }
    return new Format(channels, (int) rate);
  }

  private static Audio readData(byte[] body, int start, long declared, Format format) {
    long present = body.length - start;
    if (declared > present) {
      throw problem(
          HttpStatus.BAD_REQUEST,
          "audio",
          "the data chunk declares "
              + declared
              + " bytes but only "
              + present
              + " arrived: the upload is truncated or the header is wrong");
    }
    int frameBytes = format.channels() * 2;
    int frames = (int) (declared / frameBytes);
    double seconds = frames / (double) format.rate();
    if (seconds > MAX_SECONDS) {
      throw problem(
          HttpStatus.REQUEST_ENTITY_TOO_LARGE,
          "audio",
          String.format(
              "the recording lasts %.0f s; the limit is 2 minutes: split it or answer more briefly",
              seconds));
    }
    if (frames == 0) {
      throw problem(HttpStatus.BAD_REQUEST, "audio", "the recording is empty: it has no samples");
    }
    if (seconds < MIN_SECONDS) {
      throw problem(
          HttpStatus.BAD_REQUEST,
          "audio",
          String.format("the recording lasts %.2f s: too short to hear anything", seconds));
    }
    ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
    float[] mono = new float[frames];
    for (int i = 0; i < frames; i++) {
      int p = start + i * frameBytes;
      mono[i] = format.channels() == 1 ? b.getShort(p) : (b.getShort(p) + b.getShort(p + 2)) / 2f;
    }
    float[] resampled = Resampler.resample(mono, format.rate(), Audio.RATE);
    if (silent(resampled)) {
      throw problem(
          HttpStatus.BAD_REQUEST,
          "audio",
          "the recording is silence only: check that the microphone is on and close enough, then record again");
    }
    return new Audio(toPcm(resampled), format.rate(), format.channels());
  }

  static boolean silent(float[] samples) {
    int window = Audio.RATE / 20;
    for (int at = 0; at < samples.length; at += window) {
      double sum = 0;
      int n = Math.min(window, samples.length - at);
      for (int i = at; i < at + n; i++) {
        sum += samples[i] * samples[i];
      }
      if (Math.sqrt(sum / n) >= SILENCE_RMS) {
        return false;
      }
    }
    return true;
  }

  private static byte[] toPcm(float[] samples) {
    ByteBuffer out = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (float s : samples) {
      out.putShort((short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(s))));
    }
    return out.array();
  }

  private static boolean tag(byte[] body, int at, String tag) {
    for (int i = 0; i < 4; i++) {
      if (body[at + i] != tag.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static String encoding(int code) {
    return switch (code) {
      case 3 -> "IEEE float";
      case 6 -> "A-law";
      case 7 -> "mu-law";
      case 0x11 -> "IMA ADPCM";
      case 0x55 -> "MP3";
      default -> "format-" + code;
    };
  }

  private static ProblemException problem(HttpStatus status, String field, String message) {
    return new ProblemException(status, field, message);
  }
}

package dev.rehearse.speech.audio;

import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.http.HttpStatus;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What an uploaded WAV declares about itself, read from its chunk headers only (no sample is
 * touched): RIFF/WAVE, PCM 16-bit, 8-192 kHz, mono or stereo, and where the data chunk starts and
 * how long it says it is. A wrong header becomes a problem naming the header field: 415 for another
 * format, 400 for a broken one. The declared data size is not checked against the body here, so
 * that a header claiming hours is refused for its duration even when the body is short.
 */
record WavHeader(int channels, int sampleRate, int dataStart, long dataSize) {
  static final int MIN_RATE = 8_000;
  static final int MAX_RATE = 192_000;
  private static final int FORMAT_PCM = 1;
  private static final int FORMAT_EXTENSIBLE = 0xFFFE;

  int frameBytes() {
    return channels * 2;
  }

  /** Whole frames the data chunk declares. */
  long frames() {
    return dataSize / frameBytes();
  }

  double seconds() {
    return frames() / (double) sampleRate;
  }

  static WavHeader read(byte[] body) {
    if (body == null || body.length == 0) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST, "audio", "the body is empty: send the recording as a WAV file");
    }
    if (body.length < 12 || !tag(body, 0, "RIFF") || !tag(body, 8, "WAVE")) {
      throw new ProblemException(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "audio",
          "not a WAV file (no RIFF/WAVE header): record or export as WAV, PCM 16-bit");
    }
    ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
    Format format = null;
    int at = 12;
    // each step moves forward by at least 8 bytes, so the walk ends within body.length / 8 steps
    while (at + 8 <= body.length) {
      long size = Integer.toUnsignedLong(b.getInt(at + 4));
      int start = at + 8;
      if (tag(body, at, "fmt ")) {
        format = readFormat(b, start, size);
      } else if (tag(body, at, "data")) {
        if (format == null) {
          throw problem(
              "format", "the data chunk comes before the fmt chunk: the header is broken");
        }
        return new WavHeader(format.channels(), format.rate(), start, size);
      }
      long next = start + size + (size & 1);
      if (next > body.length) {
        break;
      }
      at = (int) next;
    }
    if (format == null) {
      throw problem("format", "no fmt chunk: the WAV header is missing or truncated");
    }
    throw problem(
        "audio", "no data chunk: the WAV file has a header but no samples (truncated upload?)");
  }

  private record Format(int channels, int rate) {}

  private static Format readFormat(ByteBuffer b, int start, long size) {
    if (size < 16 || start + 16 > b.capacity()) {
      throw problem("format", "the fmt chunk is truncated");
    }
    int code = Short.toUnsignedInt(b.getShort(start));
    int channels = Short.toUnsignedInt(b.getShort(start + 2));
    long rate = Integer.toUnsignedLong(b.getInt(start + 4));
    int blockAlign = Short.toUnsignedInt(b.getShort(start + 12));
    int bits = Short.toUnsignedInt(b.getShort(start + 14));
    if (code == FORMAT_EXTENSIBLE && size >= 40 && start + 26 <= b.capacity()) {
      code = Short.toUnsignedInt(b.getShort(start + 24)); // the sub-format GUID starts with it
    }
    if (code != FORMAT_PCM) {
      throw new ProblemException(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "format",
          "the WAV holds "
              + encoding(code)
              + " audio; only PCM 16-bit is accepted: export as \"WAV, PCM signed 16-bit\"");
    }
    if (bits != 16) {
      throw new ProblemException(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "bitsPerSample",
          "the WAV has "
              + bits
              + "-bit samples; only PCM 16-bit is accepted: export as \"WAV, PCM signed 16-bit\"");
    }
    if (channels != 1 && channels != 2) {
      throw new ProblemException(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "channels",
          "the WAV has " + channels + " channels; send mono or stereo");
    }
    if (rate < MIN_RATE || rate > MAX_RATE) {
      throw problem(
          "sampleRate",
          "the sample rate "
              + rate
              + " Hz is outside 8000-192000 Hz; 16000 Hz or 44100 Hz are usual");
    }
    if (blockAlign != channels * 2) {
      throw problem(
          "blockAlign",
          "the header is inconsistent: block align "
              + blockAlign
              + " for "
              + channels
              + " channel(s) of 16-bit samples");
    }
    return new Format(channels, (int) rate);
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

  private static ProblemException problem(String field, String message) {
    return new ProblemException(HttpStatus.BAD_REQUEST, field, message);
  }
}

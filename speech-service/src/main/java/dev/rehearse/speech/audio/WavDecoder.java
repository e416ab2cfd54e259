package dev.rehearse.speech.audio;

import dev.rehearse.platform.problem.ProblemException;
import dev.rehearse.speech.SpeechSettings;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

/**
 * The one place uploads are read: a strict WAV header ({@link WavHeader}), then the samples,
 * downmixed and resampled to 16 kHz, refused when silent. The cost of a hostile upload is bounded
 * before it is paid:
 *
 * <ol>
 *   <li>the duration comes from the header alone (data size / (rate × channels × 2)) and is checked
 *       against the caller's limit before any sample is read, so a header claiming hours is refused
 *       at once, whatever the body holds;
 *   <li>the declared data must have arrived, and only the declared bytes are read, never the rest
 *       of the body;
 *   <li>so the decoded samples are at most limit × declared rate, and never more than the body
 *       (itself capped by micronaut.server.max-request-size): memory is one float per frame read
 *       plus the 16 kHz result;
 *   <li>resampling, the costly step, gives up at {@code rehearse.speech.decode-deadline} (a 503:
 *       within the limits above it only runs late when the server is overloaded).
 * </ol>
 */
@Singleton
public class WavDecoder {
  private static final double MIN_SECONDS = 0.1;

  /** Loudest 50 ms below this RMS (about -50 dBFS) means nobody spoke. */
  private static final double SILENCE_RMS = 100;

  private final Duration deadline;

  @Inject
  public WavDecoder(SpeechSettings settings) {
    this(settings.decodeDeadline());
  }

  WavDecoder(Duration deadline) {
    this.deadline = deadline;
  }

  /**
   * Reads an upload that may last at most {@code limit}; {@code advice} says what to do when it is
   * longer.
   */
  public Audio decode(byte[] body, Duration limit, String advice) {
    WavHeader header = WavHeader.read(body);
    if (header.seconds() * 1000 > limit.toMillis()) {
      throw new ProblemException(
          HttpStatus.REQUEST_ENTITY_TOO_LARGE,
          "duration",
          String.format(
              "the WAV header declares %.0f s of audio (%d data bytes at %d Hz, %d channel(s),"
                  + " 16-bit); the limit is %s: %s",
              header.seconds(),
              header.dataSize(),
              header.sampleRate(),
              header.channels(),
              describe(limit),
              advice));
    }
    long present = body.length - header.dataStart();
    if (header.dataSize() > present) {
      throw ProblemException.badRequest(
          "dataSize",
          "the data chunk declares "
              + header.dataSize()
              + " bytes but only "
              + present
              + " arrived: the upload is truncated or the header is wrong");
    }
    int frames = (int) header.frames(); // no more than the body holds, so an int
    if (frames == 0) {
      throw ProblemException.badRequest("audio", "the recording is empty: it has no samples");
    }
    if (header.seconds() < MIN_SECONDS) {
      throw ProblemException.badRequest(
          "audio",
          String.format(
              "the recording lasts %.2f s: too short to hear anything", header.seconds()));
    }
    float[] resampled =
        Resampler.resample(
            mono(body, header, frames),
            header.sampleRate(),
            Audio.RATE,
            System.nanoTime() + deadline.toNanos());
    if (resampled == null) {
      throw new ProblemException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "audio",
          "the recording could not be decoded within " + describe(deadline) + ": try again later");
    }
    if (silent(resampled)) {
      throw ProblemException.badRequest(
          "audio",
          "the recording is silence only: check that the microphone is on and close enough, then record again");
    }
    return new Audio(toPcm(resampled), header.sampleRate(), header.channels());
  }

  /** The declared frames, stereo averaged; nothing past the data chunk is read. */
  private static float[] mono(byte[] body, WavHeader header, int frames) {
    ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
    float[] mono = new float[frames];
    for (int i = 0; i < frames; i++) {
      int p = header.dataStart() + i * header.frameBytes();
      mono[i] = header.channels() == 1 ? b.getShort(p) : (b.getShort(p) + b.getShort(p + 2)) / 2f;
    }
    return mono;
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

  /** "2 minutes", "15 s", "500 ms". */
  private static String describe(Duration d) {
    if (d.toMillis() >= 60_000 && d.toMillis() % 60_000 == 0) {
      long minutes = d.toMinutes();
      return minutes + (minutes == 1 ? " minute" : " minutes");
    }
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}

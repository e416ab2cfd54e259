package dev.rehearse.speech.vosk;

import io.micronaut.serde.ObjectMapper;
import java.util.function.LongConsumer;
import org.vosk.Recognizer;

/**
 * One free-form recognizer fed audio as it arrives (16 kHz mono 16-bit little-endian). Vosk commits
 * a segment when it hears a pause; between commits it can say what it heard so far (the partial).
 * Not thread-safe: one caller at a time. {@link #close()} returns the recognizer to its pool.
 */
public final class VoskStream implements AutoCloseable {
  private final Recognizer recognizer;
  private final ObjectMapper json;
  private final double offsetSeconds;
  private final LongConsumer onClose;
  private long bytes;
  private boolean closed;

  VoskStream(Recognizer recognizer, ObjectMapper json, double offsetSeconds, LongConsumer onClose) {
    this.recognizer = recognizer;
    this.json = json;
    this.offsetSeconds = offsetSeconds;
    this.onClose = onClose;
  }

  /** Feeds one frame; true when Vosk committed a segment, which {@link #segment()} then gives. */
  public boolean accept(byte[] pcm) {
    bytes += pcm.length;
    return recognizer.acceptWaveForm(pcm, pcm.length);
  }

  /** The segment just committed, word times from the start of the stream. */
  public Recognition segment() {
    return VoskJson.parse(json, recognizer.getResult(), offsetSeconds);
  }

  /** What was heard since the last commit; may still change. */
  public String partial() {
    return VoskJson.partial(json, recognizer.getPartialResult());
  }

  /** The last segment, whatever the audio's end: call once, when the speaker stops. */
  public Recognition finish() {
    return VoskJson.parse(json, recognizer.getFinalResult(), offsetSeconds);
  }

  /** Seconds of audio fed so far. */
  public double seconds() {
    return bytes / (double) VoskEngine.BYTES_PER_SECOND;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      onClose.accept(bytes);
    }
  }
}

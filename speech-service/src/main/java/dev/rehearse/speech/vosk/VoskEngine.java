package dev.rehearse.speech.vosk;

import dev.rehearse.speech.SpeechSettings;
import io.micronaut.context.annotation.Context;
import io.micronaut.serde.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * The one Vosk model of this process and its recognizers. A free-form recognizer costs ~400 ms to
 * create, so they are pooled and reused after {@code reset()}; a grammar recognizer costs ~25 ms
 * and is cached per grammar (one drill term, one grammar). Loaded at start-up ({@link Context}) so
 * a missing model stops the service at once instead of failing the first request.
 */
@Context
public class VoskEngine {
  public static final int SAMPLE_RATE = 16_000;
  public static final int BYTES_PER_SECOND = SAMPLE_RATE * 2;

  /**
   * Audio is fed in quarter seconds: small enough for smooth progress, large enough to be cheap.
   */
  private static final int FEED_BYTES = BYTES_PER_SECOND / 4;

  private static final int MAX_CACHED_GRAMMARS = 1_000;
  private static final Logger LOG = LoggerFactory.getLogger(VoskEngine.class);

  private final ObjectMapper json;
  private final SpeechSettings settings;
  private final Model model;
  private final Queue<Pooled> idleFree = new ConcurrentLinkedQueue<>();
  private final Map<String, Queue<Pooled>> idleGrammar = new ConcurrentHashMap<>();

  public VoskEngine(ObjectMapper json, SpeechSettings settings) {
    this.json = json;
    this.settings = settings;
    Path path = Path.of(settings.modelPath()).toAbsolutePath();
    if (!Files.isDirectory(path.resolve("am"))) {
      throw new IllegalStateException(
          "No Vosk model at "
              + path
              + ": build speech-service (mvn package unpacks it) or set REHEARSE_SPEECH_MODEL_PATH");
    }
    long start = System.nanoTime();
    LibVosk.setLogLevel(LogLevel.WARNINGS);
    try {
      model = new Model(path.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("could not load the Vosk model at " + path, e);
    }
    idleFree.add(newFree()); // the first request should not pay for it
    LOG.info("Vosk model {} loaded in {} ms", path, (System.nanoTime() - start) / 1_000_000);
  }

  /** Receives the share of the audio decoded so far, 0-1. */
  @FunctionalInterface
  public interface Progress {
    void done(double fraction);
  }

  /**
   * Free-form recognition of a clip (16 kHz mono 16-bit little-endian), with word times and
   * confidences.
   */
  public Recognition recognize(byte[] pcm) {
    return transcribe(pcm, fraction -> {});
  }

  /**
   * Free-form recognition of a whole answer, segment by segment as Vosk finds pauses; reports
   * progress every {@code rehearse.speech.progress-every-seconds} of audio.
   */
  public Recognition transcribe(byte[] pcm, Progress progress) {
    Pooled p = borrowFree();
    try {
      return decode(p, pcm, progress);
    } finally {
      giveBack(p, idleFree, settings.idleRecognizers());
    }
  }

  /**
   * A free-form recognizer for audio that arrives as it is spoken: feed it, read partial results,
   * finish. Closing it gives the recognizer back to the pool.
   */
  public VoskStream openStream() {
    Pooled p = borrowFree();
    double offset = p.bytesFed / (double) BYTES_PER_SECOND;
    return new VoskStream(
        p.recognizer,
        json,
        offset,
        bytes -> {
          p.bytesFed += bytes;
          giveBack(p, idleFree, settings.idleRecognizers());
        });
  }

  /**
   * Recognition constrained to {@code phrases} (plus {@code [unk]} for anything else): Vosk picks
   * the phrase that best explains the audio.
   */
  public Recognition recognize(byte[] pcm, List<String> phrases) {
    String grammar = grammarJson(phrases);
    Queue<Pooled> idle = idleGrammar.computeIfAbsent(grammar, g -> new ConcurrentLinkedQueue<>());
    Pooled p = idle.poll();
    if (p == null) {
      p = new Pooled(new Recognizer(model, SAMPLE_RATE, grammar));
      p.recognizer.setWords(true);
    }
    try {
      return decode(p, pcm, fraction -> {});
    } finally {
      if (idleGrammar.size() <= MAX_CACHED_GRAMMARS) {
        giveBack(p, idle, settings.idleRecognizers());
      } else {
        p.recognizer.close();
      }
    }
  }

  /**
   * True when the model's vocabulary has this word (lower case); a grammar silently drops unknown
   * words.
   */
  public boolean knows(String word) {
    return VoskNative.vosk_model_find_word(model.getPointer(), word.toLowerCase(Locale.ROOT)) >= 0;
  }

  /**
   * The words of {@code phrase} that the model does not know; empty when it can all be recognised.
   */
  public List<String> unknownWords(String phrase) {
    List<String> unknown = new ArrayList<>();
    for (String w : phrase.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
      if (!w.isEmpty() && !knows(w)) {
        unknown.add(w);
      }
    }
    return unknown;
  }

  private Recognition decode(Pooled p, byte[] pcm, Progress progress) {
    double offset = p.bytesFed / (double) BYTES_PER_SECOND;
    List<RecognizedWord> words = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    long reportEvery = (long) settings.progressEverySeconds() * BYTES_PER_SECOND;
    long nextReport = reportEvery;
    byte[] buffer = new byte[FEED_BYTES];
    for (int at = 0; at < pcm.length; at += FEED_BYTES) {
      int n = Math.min(FEED_BYTES, pcm.length - at);
      System.arraycopy(pcm, at, buffer, 0, n);
      if (p.recognizer.acceptWaveForm(buffer, n)) {
        append(VoskJson.parse(json, p.recognizer.getResult(), offset), words, text);
      }
      if (at + n >= nextReport && at + n < pcm.length) {
        progress.done((at + n) / (double) pcm.length);
        nextReport += reportEvery;
      }
    }
    append(VoskJson.parse(json, p.recognizer.getFinalResult(), offset), words, text);
    p.bytesFed += pcm.length;
    progress.done(1.0);
    return new Recognition(text.toString(), List.copyOf(words));
  }

  private static void append(Recognition segment, List<RecognizedWord> words, StringBuilder text) {
    words.addAll(segment.words());
    if (!segment.text().isEmpty()) {
      text.append(text.isEmpty() ? "" : " ").append(segment.text());
    }
  }

  private Pooled borrowFree() {
    Pooled p = idleFree.poll();
    return p != null ? p : newFree();
  }

  private Pooled newFree() {
    try {
      Recognizer r = new Recognizer(model, SAMPLE_RATE);
      r.setWords(true);
      return new Pooled(r);
    } catch (IOException e) {
      throw new UncheckedIOException("could not create a Vosk recognizer", e);
    }
  }

  /** Resets and keeps the recognizer when fewer than {@code max} are idle; closes it otherwise. */
  private static void giveBack(Pooled p, Queue<Pooled> idle, int max) {
    p.recognizer.reset();
    if (idle.size() < max) {
      idle.add(p);
    } else {
      p.recognizer.close();
    }
  }

  static String grammarJson(List<String> phrases) {
    StringBuilder b = new StringBuilder("[");
    for (String phrase : phrases) {
      b.append('"')
          .append(phrase.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' \\[\\]-]", " ").trim())
          .append("\",");
    }
    return b.append("\"[unk]\"]").toString();
  }

  @PreDestroy
  void close() {
    idleFree.forEach(p -> p.recognizer.close());
    idleGrammar.values().forEach(q -> q.forEach(p -> p.recognizer.close()));
    model.close();
  }

  /**
   * A recognizer and how much audio it has been fed in its life: Vosk keeps counting time across
   * {@code reset()}, so word times are shifted back by that much.
   */
  private static final class Pooled {
    final Recognizer recognizer;
    long bytesFed;

    Pooled(Recognizer recognizer) {
      this.recognizer = recognizer;
    }
  }
}

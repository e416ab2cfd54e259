package dev.rehearse.speech.vosk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads Vosk's result JSON ({@code {"result":[{"word","start","end","conf"}], "text"}}). */
final class VoskJson {
  private VoskJson() {}

  @Serdeable
  record Result(@Nullable List<Word> result, @Nullable String text) {}

  @Serdeable
  record Partial(@Nullable String partial) {}

  @Serdeable
  record Word(String word, double start, double end, double conf) {}

  /**
   * Parses one segment, shifting its times back by {@code offsetSeconds} (a reused recognizer keeps
   * counting).
   */
  static Recognition parse(ObjectMapper json, String raw, double offsetSeconds) {
    try {
      Result r = json.readValue(raw, Result.class);
      List<RecognizedWord> words =
          r == null || r.result() == null
              ? List.of()
              : r.result().stream()
                  .map(
                      w ->
                          new RecognizedWord(
                              w.word(),
                              round(w.start() - offsetSeconds),
                              round(w.end() - offsetSeconds),
                              round(w.conf())))
                  .toList();
      String text = r == null || r.text() == null ? "" : r.text().trim();
      return new Recognition(text, words);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable Vosk result: " + raw, e);
    }
  }

  /** Reads a partial result ({@code {"partial":"..."}}). */
  static String partial(ObjectMapper json, String raw) {
    try {
      Partial p = json.readValue(raw, Partial.class);
      return p == null || p.partial() == null ? "" : p.partial().trim();
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable Vosk partial result: " + raw, e);
    }
  }

  private static double round(double v) {
    return Math.round(Math.max(0, v) * 1000) / 1000.0;
  }
}

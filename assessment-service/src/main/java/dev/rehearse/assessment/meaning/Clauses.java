package dev.rehearse.assessment.meaning;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a text into the units that are compared by meaning: sentences, and long sentences further
 * into clauses at a comma, semicolon or conjunction, so that one clause carries one idea ("we ship
 * a canary, and if errors rise we roll back" is two). Every unit keeps its character span.
 */
public final class Clauses {
  /** A unit of text and where it stands in the original. */
  public record Unit(String text, int start, int end) {}

  private static final Pattern SENTENCE = Pattern.compile("[^.!?;:\\n]+[.!?;:]*");
  private static final Pattern BREAK =
      Pattern.compile(
          ",\\s+|\\s+(?=(?:and then|and|but|while|whereas|so that|so|because|which|then|although|though|otherwise)\\s)",
          Pattern.CASE_INSENSITIVE);

  /** A sentence shorter than this stays whole; a clause shorter than this joins its neighbour. */
  static final int MIN_WORDS = 4;

  /** Longer units are cut into windows of this many words: the encoder sees one idea at a time. */
  static final int MAX_WORDS = 30;

  private Clauses() {}

  public static List<Unit> of(String text) {
    return of(text, MIN_WORDS);
  }

  /**
   * With a larger {@code minWords}, clauses are longer: each holds a whole idea (key points of a
   * model answer).
   */
  public static List<Unit> of(String text, int minWords) {
    List<Unit> out = new ArrayList<>();
    Matcher sentence = SENTENCE.matcher(text);
    while (sentence.find()) {
      Unit s = trimmed(text, sentence.start(), sentence.end());
      if (s != null) {
        split(text, s, minWords, out);
      }
    }
    return out;
  }

  private static void split(String text, Unit sentence, int minWords, List<Unit> out) {
    if (words(sentence.text()) < 2 * minWords) {
      out.add(sentence);
      return;
    }
    List<Unit> parts = new ArrayList<>();
    Matcher m = BREAK.matcher(sentence.text());
    int from = 0;
    while (m.find()) {
      add(text, sentence.start() + from, sentence.start() + m.start(), minWords, parts);
      from = m.end();
    }
    add(text, sentence.start() + from, sentence.end(), minWords, parts);
    for (Unit part : parts) {
      windows(text, part, out);
    }
  }

  /** A part too short to stand alone is merged into the previous one. */
  private static void add(String text, int start, int end, int minWords, List<Unit> parts) {
    Unit u = trimmed(text, start, end);
    if (u == null) {
      return;
    }
    if (!parts.isEmpty()
        && (words(u.text()) < minWords || words(parts.get(parts.size() - 1).text()) < minWords)) {
      Unit previous = parts.remove(parts.size() - 1);
      u = new Unit(text.substring(previous.start(), u.end()), previous.start(), u.end());
    }
    parts.add(u);
  }

  private static void windows(String text, Unit unit, List<Unit> out) {
    Matcher word = Pattern.compile("\\S+").matcher(unit.text());
    List<int[]> spans = new ArrayList<>();
    while (word.find()) {
      spans.add(new int[] {word.start(), word.end()});
    }
    if (spans.size() <= MAX_WORDS) {
      out.add(unit);
      return;
    }
    for (int i = 0; i < spans.size(); i += MAX_WORDS) {
      int last = Math.min(spans.size(), i + MAX_WORDS) - 1;
      out.add(
          new Unit(
              unit.text().substring(spans.get(i)[0], spans.get(last)[1]),
              unit.start() + spans.get(i)[0],
              unit.start() + spans.get(last)[1]));
    }
  }

  private static Unit trimmed(String text, int start, int end) {
    while (start < end && !Character.isLetterOrDigit(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return start < end ? new Unit(text.substring(start, end), start, end) : null;
  }

  static int words(String s) {
    String t = s.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }
}

package dev.rehearse.assessment.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An answer split into normalised word tokens that remember where they stood in the text. */
final class AnswerText {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'][\\p{L}\\p{N}]+)*");

  record Token(String stem, int start, int end) {}

  /** Where a phrase was found: the original words and their character span. */
  record Span(String text, int start, int end) {}

  private final String text;
  private final List<Token> tokens;

  AnswerText(String text) {
    this.text = text;
    this.tokens = tokenize(text);
  }

  boolean hasNumber() {
    return tokens.stream().anyMatch(t -> Character.isDigit(t.stem().charAt(0)))
        || NUMBER_WORDS.matcher(text.toLowerCase(Locale.ROOT)).find();
  }

  /** Finds the first place where the phrase's words occur in a row, after normalising both. */
  Optional<Span> find(String phrase) {
    List<Token> wanted = tokenize(phrase);
    if (wanted.isEmpty()) {
      return Optional.empty();
    }
    for (int i = 0; i + wanted.size() <= tokens.size(); i++) {
      boolean match = true;
      for (int j = 0; j < wanted.size() && match; j++) {
        match = tokens.get(i + j).stem().equals(wanted.get(j).stem());
      }
      if (match) {
        int start = tokens.get(i).start();
        int end = tokens.get(i + wanted.size() - 1).end();
        return Optional.of(new Span(text.substring(start, end), start, end));
      }
    }
    return Optional.empty();
  }

  private static final Pattern NUMBER_WORDS = Pattern.compile(
      "\\b(one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion|percent|half|double|twice)\\b");

  private static List<Token> tokenize(String text) {
    List<Token> out = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      out.add(new Token(stem(m.group().toLowerCase(Locale.ROOT)), m.start(), m.end()));
    }
    return out;
  }

  /** A light English stemmer: enough for plurals and -ing/-ed forms of technical words. */
  static String stem(String word) {
    String w = word.replace("'", "").replace("-", "");
    if (w.length() > 4 && w.endsWith("ies")) {
      w = w.substring(0, w.length() - 3) + "y";
    } else if (w.length() > 4 && (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("sses") || w.endsWith("xes"))) {
      w = w.substring(0, w.length() - 2);
    } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) {
      w = w.substring(0, w.length() - 1);
    }
    if (w.length() > 5 && w.endsWith("ing")) {
      w = w.substring(0, w.length() - 3);
    } else if (w.length() > 4 && w.endsWith("ed")) {
      w = w.substring(0, w.length() - 2);
    }
    if (w.length() > 3 && w.endsWith("e")) {
      w = w.substring(0, w.length() - 1);
    }
    if (w.length() > 3 && w.charAt(w.length() - 1) == w.charAt(w.length() - 2) && !w.endsWith("ll") && !w.endsWith("ss")) {
      w = w.substring(0, w.length() - 1); // "scaling"/"scalled", "running"/"run"
    }
    return w;
  }
}

package dev.rehearse.bench.assessment;

import dev.rehearse.assessment.catalog.CatalogQuestion;
import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import dev.rehearse.contracts.QuestionPublished.RubricConcept;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The baseline: the plain matcher assessment-service used before Lucene (regex tokens, a light
 * suffix stemmer, exact phrase runs, no paraphrase or sound-alike pass), kept here only to measure
 * what the new analysis costs.
 */
final class PlainMatcher {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'][\\p{L}\\p{N}]+)*");
  private static final Pattern NUMBER_WORDS =
      Pattern.compile(
          "\\b(one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion|percent|half|double|twice)\\b");

  private PlainMatcher() {}

  /** Weighted coverage plus the number of raised flags, so the JIT cannot drop the work. */
  static int score(CatalogQuestion question, String answer) {
    List<String> tokens = stems(answer);
    int total = 0;
    int covered = 0;
    for (RubricConcept c : question.concepts()) {
      total += c.weight();
      if (Stream.concat(Stream.of(c.label()), c.synonyms().stream())
          .anyMatch(p -> contains(tokens, stems(p)))) {
        covered += c.weight();
      }
    }
    int flags = 0;
    for (RedFlagRule r : question.redFlags()) {
      boolean any = r.phrases().stream().anyMatch(p -> contains(tokens, stems(p)));
      flags +=
          switch (r.kind()) {
            case MENTIONS -> any ? 1 : 0;
            case MISSING -> any ? 0 : 1;
            case NO_NUMBERS ->
                tokens.stream().anyMatch(t -> Character.isDigit(t.charAt(0)))
                        || NUMBER_WORDS.matcher(answer.toLowerCase(Locale.ROOT)).find()
                    ? 0
                    : 1;
          };
    }
    return (total == 0 ? 0 : 100 * covered / total) + flags;
  }

  private static boolean contains(List<String> tokens, List<String> wanted) {
    if (wanted.isEmpty()) {
      return false;
    }
    for (int i = 0; i + wanted.size() <= tokens.size(); i++) {
      boolean match = true;
      for (int j = 0; j < wanted.size() && match; j++) {
        match = tokens.get(i + j).equals(wanted.get(j));
      }
      if (match) {
        return true;
      }
    }
    return false;
  }

  private static List<String> stems(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      out.add(stem(m.group().toLowerCase(Locale.ROOT)));
    }
    return out;
  }

  private static String stem(String word) {
    String w = word.replace("'", "").replace("-", "");
    if (w.length() > 4 && w.endsWith("ies")) {
      w = w.substring(0, w.length() - 3) + "y";
    } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) {
      w = w.substring(0, w.length() - 1);
    }
    if (w.length() > 5 && w.endsWith("ing")) {
      w = w.substring(0, w.length() - 3);
    } else if (w.length() > 4 && w.endsWith("ed")) {
      w = w.substring(0, w.length() - 2);
    }
    return w;
  }
}

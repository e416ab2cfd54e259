package dev.rehearse.speech.transcription;

import dev.rehearse.contracts.TranscriptReady;
import dev.rehearse.speech.vosk.RecognizedWord;
import java.util.List;
import java.util.Set;

/**
 * Delivery figures from word times: words per minute of speaking (first word to last), fillers
 * ("um", "uh", "er", filler "like", "you know", "I mean") and their rate per minute, silences
 * between words longer than one second, and the longest silence.
 */
public final class Fluency {
  public static final double LONG_PAUSE_SECONDS = 1.0;
  private static final Set<String> FILLER_WORDS =
      Set.of("um", "umm", "uh", "uhh", "er", "erm", "ah", "hmm", "mm", "huh");

  /** "like" after these is a verb or a comparison, not a filler ("I would like", "looks like"). */
  private static final Set<String> LIKE_AS_VERB =
      Set.of(
          "would",
          "i'd",
          "we'd",
          "you'd",
          "they'd",
          "look",
          "looks",
          "looked",
          "feel",
          "feels",
          "seem",
          "seems",
          "something",
          "just",
          "don't",
          "didn't",
          "not",
          "i",
          "we",
          "you",
          "they");

  /**
   * "you know" before these is a real question or clause ("you know what breaks"), not a filler.
   */
  private static final Set<String> KNOW_CLAUSE =
      Set.of("what", "how", "that", "why", "where", "when", "who", "if");

  private Fluency() {}

  public static TranscriptReady.Fluency of(List<RecognizedWord> all, double durationSeconds) {
    List<String> words =
        all.stream().map(RecognizedWord::word).filter(w -> !"[unk]".equals(w)).toList();
    if (all.isEmpty()) {
      return new TranscriptReady.Fluency(0, 0, 0, 0, 0);
    }
    double speaking = all.get(all.size() - 1).end() - all.get(0).start();
    double minutes = (speaking >= 1 ? speaking : durationSeconds) / 60;
    int fillers = fillers(words);
    int longPauses = 0;
    double longest = 0;
    for (int i = 1; i < all.size(); i++) {
      double gap = all.get(i).start() - all.get(i - 1).end();
      longest = Math.max(longest, gap);
      if (gap > LONG_PAUSE_SECONDS) {
        longPauses++;
      }
    }
    return new TranscriptReady.Fluency(
        round(words.size() / minutes, 1),
        fillers,
        round(fillers / minutes, 1),
        longPauses,
        round(longest, 2));
  }

  static int fillers(List<String> words) {
    int count = 0;
    for (boolean filler : fillerMarks(words)) {
      count += filler ? 1 : 0;
    }
    return count;
  }

  /**
   * Which of {@code words} are fillers: a word's neighbours decide for "like", "you know", "I
   * mean".
   */
  public static boolean[] fillerMarks(List<String> words) {
    boolean[] marks = new boolean[words.size()];
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      String before = i > 0 ? words.get(i - 1) : "";
      String after = i + 1 < words.size() ? words.get(i + 1) : "";
      marks[i] =
          FILLER_WORDS.contains(w)
              || ("like".equals(w) && !LIKE_AS_VERB.contains(before))
              || ("know".equals(w) && "you".equals(before) && !KNOW_CLAUSE.contains(after))
              || ("mean".equals(w) && "i".equals(before) && !"that".equals(after));
    }
    return marks;
  }

  private static double round(double value, int places) {
    double scale = Math.pow(10, places);
    return Math.round(value * scale) / scale;
  }
}

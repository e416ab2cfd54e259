package dev.rehearse.assessment.scoring;

import dev.rehearse.contracts.TranscriptReady;
import dev.rehearse.contracts.TranscriptReady.Word;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a spoken answer was delivered, judged against fixed thresholds, with advice. Delivery is
 * reported beside the content score and does not change it: a hesitant but correct answer is still
 * correct, and the candidate sees which of the two to work on.
 */
@Serdeable
public record FluencyReport(
    double wordsPerMinute,
    String pace,
    int fillerCount,
    double fillerRate,
    int longPauses,
    double longestPause,
    List<Pause> pauses,
    List<String> feedback) {

  /**
   * Comfortable interview pace, words per minute: below SLOW listeners drift, above FAST they lose
   * you.
   */
  public static final double SLOW_WPM = 100;

  public static final double FAST_WPM = 170;

  /** Fillers per word: up to 3% goes unnoticed, above 6% it distracts. */
  public static final double FILLERS_NOTICEABLE = 0.03;

  public static final double FILLERS_DISTRACTING = 0.06;

  /** A silence between words longer than this is a long pause. */
  public static final double LONG_PAUSE_SECONDS = 1.0;

  /**
   * More long pauses than this per minute reads as hesitation; one over VERY_LONG reads as being
   * stuck.
   */
  public static final double PAUSES_PER_MINUTE = 3;

  public static final double VERY_LONG_PAUSE_SECONDS = 3.0;

  private static final Set<String> FILLERS =
      Set.of("um", "uh", "er", "erm", "ah", "eh", "hmm", "mm", "uhm");
  private static final Set<String> FILLER_PAIRS =
      Set.of("you know", "i mean", "sort of", "kind of");

  /** A long pause: after which word, when (seconds into the answer) and how long. */
  @Serdeable
  public record Pause(String after, double at, double seconds) {}

  static FluencyReport of(TranscriptReady t) {
    List<Word> words = t.words();
    double minutes = t.durationSeconds() / 60.0;
    double wpm =
        t.fluency().wordsPerMinute() > 0
            ? t.fluency().wordsPerMinute()
            : minutes > 0 ? words.size() / minutes : 0;
    int fillers = Math.max(t.fluency().fillerCount(), countFillers(words));
    int wordCount =
        Math.max(words.size(), t.text().isBlank() ? 0 : t.text().trim().split("\\s+").length);
    // speech-service counted over the recogniser's own tokens: its rate wins when it has one
    double fillerRate =
        t.fluency().fillerRate() > 0 || wordCount == 0
            ? t.fluency().fillerRate()
            : (double) fillers / wordCount;
    List<Pause> pauses = new ArrayList<>();
    for (int i = 1; i < words.size(); i++) {
      double gap = words.get(i).start() - words.get(i - 1).end();
      if (gap > LONG_PAUSE_SECONDS) {
        pauses.add(new Pause(words.get(i - 1).word(), round(words.get(i - 1).end()), round(gap)));
      }
    }
    int longPauses = words.size() > 1 ? pauses.size() : t.fluency().longPauses();
    double longest =
        pauses.stream().mapToDouble(Pause::seconds).max().orElse(t.fluency().longestPause());
    String pace = wpm < SLOW_WPM ? "slow" : wpm > FAST_WPM ? "fast" : "comfortable";
    List<String> feedback = new ArrayList<>();
    if (wpm > 0 && wpm < SLOW_WPM) {
      feedback.add(
          String.format(
              Locale.ROOT,
              "Pace: %.0f words per minute is slow; aim for %.0f-%.0f by preparing the"
                  + " first sentence of each part of your answer.",
              wpm,
              SLOW_WPM,
              FAST_WPM));
    } else if (wpm > FAST_WPM) {
      feedback.add(
          String.format(
              Locale.ROOT,
              "Pace: %.0f words per minute is fast; slow down to %.0f-%.0f and pause"
                  + " briefly after each key point.",
              wpm,
              SLOW_WPM,
              FAST_WPM));
    }
    if (fillerRate > FILLERS_DISTRACTING) {
      feedback.add(
          String.format(
              Locale.ROOT,
              "Fillers: %d (%.0f%% of words) distract the listener; replace them with a"
                  + " short silent pause.",
              fillers,
              fillerRate * 100));
    } else if (fillerRate > FILLERS_NOTICEABLE) {
      feedback.add(
          String.format(
              Locale.ROOT,
              "Fillers: %d (%.0f%% of words) are noticeable; keep them under %.0f%%.",
              fillers,
              fillerRate * 100,
              FILLERS_NOTICEABLE * 100));
    }
    if (longest > VERY_LONG_PAUSE_SECONDS) {
      feedback.add(
          String.format(
              Locale.ROOT,
              "Pauses: a %.1f s silence sounds like being stuck; when you need time,"
                  + " say what you are thinking about (\"let me think about the failure case\").",
              longest));
    } else if (minutes > 0 && longPauses / minutes > PAUSES_PER_MINUTE) {
      feedback.add(
          String.format(
              Locale.ROOT,
              "Pauses: %d pauses longer than %.0f s (%.1f a minute) break the thread;"
                  + " plan the order of your points before you start.",
              longPauses,
              LONG_PAUSE_SECONDS,
              longPauses / minutes));
    }
    if (feedback.isEmpty()) {
      feedback.add(
          String.format(
              Locale.ROOT,
              "Delivery: pace (%.0f words per minute), fillers and pauses are all in"
                  + " the comfortable range.",
              wpm));
    }
    return new FluencyReport(
        round(wpm), pace, fillers, round(fillerRate), longPauses, round(longest), pauses, feedback);
  }

  private static int countFillers(List<Word> words) {
    int count = 0;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i).word().toLowerCase(Locale.ROOT);
      if (FILLERS.contains(w)) {
        count++;
      } else if (i + 1 < words.size()
          && FILLER_PAIRS.contains(w + " " + words.get(i + 1).word().toLowerCase(Locale.ROOT))) {
        count++;
        i++;
      }
    }
    return count;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}

package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.scoring.AnswerText.Token;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Sound-alike matching for spoken answers. Speech recognisers split, merge and clip words ("radiant
 * kept pointing" for "gradient checkpointing"), so a phrase and a run of transcript words are
 * compared as one Double Metaphone consonant skeleton each, by the share of sounds they have in
 * common in the same order (2 x longest common subsequence / total length).
 */
final class Phonetics {
  /**
   * Similarity a run of words needs to count as the phrase; tuned on the ASR-garbled evaluation
   * answers.
   */
  static final double MIN_SIMILARITY = 0.8;

  /**
   * Skeletons shorter than this ("KNR") are too common to match by sound alone unless identical.
   */
  private static final int SHORT_CODE = 4;

  /**
   * Letter names that speech recognisers write for spelled-out acronyms ("ef es dee pee" for FSDP).
   */
  private static final Map<String, String> LETTER_NAMES =
      Map.ofEntries(
          Map.entry("ay", "a"),
          Map.entry("bee", "b"),
          Map.entry("cee", "c"),
          Map.entry("dee", "d"),
          Map.entry("ef", "f"),
          Map.entry("gee", "g"),
          Map.entry("aitch", "h"),
          Map.entry("jay", "j"),
          Map.entry("kay", "k"),
          Map.entry("el", "l"),
          Map.entry("em", "m"),
          Map.entry("en", "n"),
          Map.entry("pee", "p"),
          Map.entry("cue", "q"),
          Map.entry("ar", "r"),
          Map.entry("es", "s"),
          Map.entry("ess", "s"),
          Map.entry("tee", "t"),
          Map.entry("vee", "v"),
          Map.entry("ex", "x"),
          Map.entry("zed", "z"),
          Map.entry("zee", "z"));

  private static final ThreadLocal<DoubleMetaphone> ENCODER =
      ThreadLocal.withInitial(
          () -> {
            DoubleMetaphone dm = new DoubleMetaphone();
            dm.setMaxCodeLen(40);
            return dm;
          });

  private Phonetics() {}

  static String code(String word) {
    String letters = word.replaceAll("[^a-z]", "");
    return letters.isEmpty() ? "" : ENCODER.get().doubleMetaphone(letters);
  }

  /** A phrase's sound: its words run together, as a speaker says them. */
  static String phraseCode(List<String> surfaces) {
    StringBuilder all = new StringBuilder();
    surfaces.forEach(s -> all.append(code(s)));
    return all.toString();
  }

  /**
   * The run of transcript words that sounds most like the phrase, if it sounds close enough; stop
   * words in between are carried along silently.
   */
  static Optional<Phrase.Found> find(AnswerText answer, Phrase phrase) {
    String target = phrase.soundCode();
    if (target.length() < 3) {
      return Optional.empty();
    }
    List<Token> seq = answer.content();
    String[] codes = answer.soundCodes();
    int maxWords = phrase.size() + 2;
    double best = 0;
    int bestStart = -1;
    int bestEnd = -1;
    for (int i = 0; i < seq.size(); i++) {
      StringBuilder run = new StringBuilder();
      for (int j = i; j < Math.min(seq.size(), i + maxWords); j++) {
        if (seq.get(j).sentence() != seq.get(i).sentence()) {
          break;
        }
        run.append(codes[j]);
        if (run.length() > target.length() * 3 / 2 + 1) {
          break;
        }
        double similarity = similarity(target, run.toString());
        boolean closeEnough =
            target.length() < SHORT_CODE ? target.contentEquals(run) : similarity >= MIN_SIMILARITY;
        if (closeEnough && similarity > best) {
          best = similarity;
          bestStart = i;
          bestEnd = j;
        }
      }
    }
    if (bestStart < 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Phrase.Found(
            answer.span(seq.get(bestStart), seq.get(bestEnd)),
            seq.get(bestStart),
            seq.get(bestEnd)));
  }

  /** 2 x LCS / (|a| + |b|): 1 for the same skeleton, 0 for nothing in common. */
  static double similarity(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        cur[j] =
            a.charAt(i - 1) == b.charAt(j - 1) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return 2.0 * prev[b.length()] / (a.length() + b.length());
  }

  /**
   * The sound of a transcript word; a spelled-out letter ("dee") counts as the letter, so "ef es
   * dee pee" sounds like FSDP.
   */
  static String wordCode(String surface) {
    return code(letterName(surface));
  }

  private static String letterName(String surface) {
    return LETTER_NAMES.getOrDefault(surface, surface);
  }
}

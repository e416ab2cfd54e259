package dev.rehearse.speech.pronunciation;

import dev.rehearse.contracts.QuestionPublished.Pronunciation;
import dev.rehearse.speech.catalog.DrillGrammar;
import dev.rehearse.speech.vosk.Recognition;
import dev.rehearse.speech.vosk.RecognizedWord;
import dev.rehearse.speech.vosk.VoskEngine;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Judges one saying of a term with two passes over the same audio, run side by side: a grammar pass
 * limited to the term's accepted forms, its usual confusions and {@code [unk]} decides whether the
 * term was said; a free pass says what a listener without expectations heard, so another word is
 * reported as itself rather than forced onto the grammar, and a confident, very different free
 * hearing vetoes a grammar match.
 */
@Singleton
public class DrillJudge {
  /** Mean grammar confidence at or above which a match counts as clear. */
  static final double CLEAR = 0.85;

  /** Sound similarity of the free hearing at or above which it agrees with the form. */
  static final double AGREES = 0.5;

  /** A free hearing this confident and this unlike the form means another word was said. */
  static final double VETO_CONFIDENCE = 0.9;

  static final double VETO_SIMILARITY = 0.25;
  static final String NOTHING = "[unk]";

  private final VoskEngine vosk;
  private final ExecutorService executor;

  public DrillJudge(VoskEngine vosk, @Named(TaskExecutors.IO) ExecutorService executor) {
    this.vosk = vosk;
    this.executor = executor;
  }

  DrillResult judge(Pronunciation term, DrillGrammar grammar, byte[] pcm) {
    CompletableFuture<Recognition> freePass =
        CompletableFuture.supplyAsync(() -> vosk.recognize(pcm), executor);
    List<String> phrases = new ArrayList<>(grammar.accepted());
    phrases.addAll(grammar.confusions());
    Recognition constrained = vosk.recognize(pcm, phrases);
    Recognition free = freePass.join();

    List<RecognizedWord> grammarWords = known(constrained.words());
    String matched = text(grammarWords);
    List<RecognizedWord> freeWords = known(free.words());
    String heardFreely = text(freeWords);
    boolean clean = grammarWords.size() == constrained.words().size();

    if (clean && grammar.accepted().contains(matched)) {
      double confidence = constrained.meanConfidence();
      double similarity = heardFreely.isEmpty() ? 0 : Phonetics.similarity(heardFreely, matched);
      double freeConfidence = mean(freeWords);
      if (freeConfidence >= VETO_CONFIDENCE && similarity < VETO_SIMILARITY) {
        return new DrillResult(
            heardFreely, Verdict.RETRY, 15, freeWords, Advice.heardOther(term, heardFreely));
      }
      boolean clear = confidence >= CLEAR && similarity >= AGREES;
      int score = (int) Math.round(60 + 25 * confidence + 15 * similarity);
      return clear
          ? new DrillResult(
              matched, Verdict.CORRECT, score, grammarWords, Advice.correct(term, matched))
          : new DrillResult(
              matched,
              Verdict.CLOSE,
              Math.min(score, 84),
              grammarWords,
              Advice.close(term, heardFreely, matched));
    }
    if (clean && grammar.confusions().contains(matched)) {
      return new DrillResult(
          matched, Verdict.RETRY, 20, grammarWords, Advice.confusion(term, matched));
    }
    double share = bestShare(grammar.accepted(), grammarWords);
    if (share > 0) {
      String heard = heardFreely.isEmpty() ? matched : heardFreely;
      List<RecognizedWord> words = heardFreely.isEmpty() ? grammarWords : freeWords;
      return new DrillResult(
          heard, Verdict.RETRY, (int) Math.round(40 * share), words, Advice.partial(term, heard));
    }
    if (heardFreely.isEmpty()) {
      return new DrillResult(NOTHING, Verdict.RETRY, 0, List.of(), Advice.nothing(term));
    }
    return new DrillResult(
        heardFreely, Verdict.RETRY, 10, freeWords, Advice.heardOther(term, heardFreely));
  }

  /** The largest share of an accepted form's words that the grammar pass heard. */
  private static double bestShare(List<String> accepted, List<RecognizedWord> heard) {
    List<String> words = heard.stream().map(RecognizedWord::word).toList();
    double best = 0;
    for (String form : accepted) {
      String[] parts = form.split(" ");
      long found = Arrays.stream(parts).filter(words::contains).count();
      best = Math.max(best, (double) found / parts.length);
    }
    return best;
  }

  private static List<RecognizedWord> known(List<RecognizedWord> words) {
    return words.stream().filter(w -> !NOTHING.equals(w.word())).toList();
  }

  private static String text(List<RecognizedWord> words) {
    return String.join(" ", words.stream().map(RecognizedWord::word).toList());
  }

  private static double mean(List<RecognizedWord> words) {
    return words.stream().mapToDouble(RecognizedWord::confidence).average().orElse(0);
  }
}

package dev.rehearse.speech.catalog;

import dev.rehearse.contracts.QuestionPublished.Pronunciation;
import dev.rehearse.speech.vosk.VoskEngine;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a term's spoken forms against the model's vocabulary (a grammar silently drops unknown
 * words, and the drill would then only ever hear {@code [unk]}) and builds its grammar. When no
 * published form is usable, the term itself (if the model knows it) or its letters stand in.
 */
@Singleton
public class DrillGrammars {
  private static final String[] DIGITS = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"
  };
  private static final int MAX_MISTAKE_WORDS = 5;
  private final VoskEngine vosk;

  public DrillGrammars(VoskEngine vosk) {
    this.vosk = vosk;
  }

  public DrillGrammar build(Pronunciation p) {
    List<DrillGrammar.FormCheck> checks = new ArrayList<>();
    Set<String> accepted = new LinkedHashSet<>();
    for (String form : p.spokenForms()) {
      String normal = normalise(form);
      if (normal.isEmpty()) {
        continue;
      }
      var check = new DrillGrammar.FormCheck(normal, vosk.unknownWords(normal));
      checks.add(check);
      if (check.inVocabulary()) {
        accepted.add(normal);
      }
    }
    String fallback = null;
    String word = normalise(p.term());
    String letters = letters(p.term());
    if (accepted.isEmpty() && !word.contains(" ") && vosk.unknownWords(word).isEmpty()) {
      accepted.add(word);
      fallback = "the term as a word: \"" + word + "\"";
    } else if (accepted.isEmpty() && !letters.isEmpty() && vosk.unknownWords(letters).isEmpty()) {
      accepted.add(letters);
      fallback = "the term letter by letter: \"" + letters + "\"";
    }
    Set<String> confusions = new LinkedHashSet<>();
    if (!letters.isEmpty() && vosk.unknownWords(letters).isEmpty()) {
      confusions.add(letters);
    }
    for (String said : p.mistakes()) {
      String mistake = normalise(said);
      if (!mistake.isEmpty()
          && mistake.split(" ").length <= MAX_MISTAKE_WORDS
          && vosk.unknownWords(mistake).isEmpty()) {
        confusions.add(mistake);
      }
    }
    confusions.removeAll(accepted);
    return new DrillGrammar(
        List.copyOf(accepted), List.copyOf(confusions), List.copyOf(checks), fallback);
  }

  /**
   * Lower case, punctuation to spaces, digits to words: "G. P. U." -> "g p u", "en-vee-link" -> "en
   * vee link".
   */
  public static String normalise(String phrase) {
    StringBuilder b = new StringBuilder();
    for (char c : phrase.toLowerCase(Locale.ROOT).toCharArray()) {
      if (Character.isDigit(c)) {
        b.append(' ').append(DIGITS[c - '0']).append(' ');
      } else if ((c >= 'a' && c <= 'z') || c == '\'') {
        b.append(c);
      } else {
        b.append(' ');
      }
    }
    return b.toString().trim().replaceAll("\\s+", " ");
  }

  /** The term spelled out: "NCCL" -> "n c c l", "K8s" -> "k eight s". */
  public static String letters(String term) {
    StringBuilder b = new StringBuilder();
    for (char c : term.toLowerCase(Locale.ROOT).toCharArray()) {
      if (Character.isDigit(c)) {
        b.append(DIGITS[c - '0']).append(' ');
      } else if (c >= 'a' && c <= 'z') {
        b.append(c).append(' ');
      }
    }
    return b.toString().trim();
  }
}

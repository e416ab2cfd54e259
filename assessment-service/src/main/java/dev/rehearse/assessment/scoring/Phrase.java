package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.scoring.AnswerText.Span;
import dev.rehearse.assessment.scoring.AnswerText.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rubric synonym or red-flag phrase, analysed once by the same Lucene chain as answers, and the
 * ways it can be found: in order with a little slack ("roll the model back"), in any order within a
 * window (a paraphrase such as "detect drift in the data" for "data drift detection"), and across
 * compounds ("check point" for "checkpoint", "rollback" for "roll back").
 */
final class Phrase {
  private final String source;
  private final List<String> terms;
  private final List<String> surfaces;
  private final boolean onlyStopWords;
  private final String joined;

  private Phrase(String source, List<Token> tokens) {
    this.source = source;
    List<Token> content = tokens.stream().filter(t -> !t.stop()).toList();
    this.onlyStopWords = content.isEmpty();
    List<Token> used = onlyStopWords ? tokens : content;
    this.terms = used.stream().map(Token::term).toList();
    this.surfaces = used.stream().map(Token::surface).toList();
    this.joined = terms.size() > 1 ? AnswerText.stem(String.join("", surfaces)) : null;
  }

  /**
   * Rubric and rule phrases repeat on every answer: analyse each once (bounded, cleared when full).
   */
  private static final int CACHE_LIMIT = 20_000;

  private static final java.util.concurrent.ConcurrentHashMap<String, Phrase> CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();
  private volatile String soundCode;

  static Phrase of(String source) {
    Phrase cached = CACHE.get(source);
    if (cached != null) {
      return cached;
    }
    if (CACHE.size() >= CACHE_LIMIT) {
      CACHE.clear();
    }
    Phrase phrase = new Phrase(source, AnswerText.analyse(source));
    CACHE.put(source, phrase);
    return phrase;
  }

  /** The phrase's Double Metaphone skeleton, computed once. */
  String soundCode() {
    String code = soundCode;
    if (code == null) {
      code = Phonetics.phraseCode(surfaces);
      soundCode = code;
    }
    return code;
  }

  String source() {
    return source;
  }

  /** The stemmed terms (content words, or the stop words of a phrase made only of them). */
  List<String> terms() {
    return terms;
  }

  List<String> surfaces() {
    return surfaces;
  }

  boolean isEmpty() {
    return terms.isEmpty();
  }

  int size() {
    return terms.size();
  }

  /**
   * The terms in this order, with at most {@code slop} other words in between; with {@code
   * prefixes}, a phrase word of four letters or more also matches words it begins ("resum" finds
   * "resumed").
   */
  Optional<Found> findInOrder(AnswerText answer, int slop, boolean prefixes) {
    List<Found> all = matches(answer, slop, prefixes, true);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** Every place the terms occur in order, left to right, without overlaps. */
  List<Found> findAllInOrder(AnswerText answer, int slop, boolean prefixes) {
    return matches(answer, slop, prefixes, false);
  }

  private List<Found> matches(AnswerText answer, int slop, boolean prefixes, boolean firstOnly) {
    List<Found> out = new ArrayList<>();
    if (terms.isEmpty()) {
      return out;
    }
    List<Token> seq = onlyStopWords ? answer.tokens() : answer.content();
    for (int i = 0; i < seq.size(); i++) {
      int width = startsHere(seq, i, 0, prefixes);
      if (width == 0) {
        continue;
      }
      int last = matchRest(seq, i, i + width, 1, slop, prefixes);
      if (last >= 0) {
        out.add(new Found(answer.span(seq.get(i), seq.get(last)), seq.get(i), seq.get(last)));
        if (firstOnly) {
          break;
        }
        i = last;
      }
    }
    if (joined != null) {
      for (Token t : seq) {
        if (t.term().equals(joined)) {
          out.add(new Found(answer.span(t, t), t, t));
        }
      }
      out.sort(java.util.Comparator.comparingInt(f -> f.span().start()));
    }
    return out;
  }

  /** All terms inside one window of {@code size() + extra} words of one sentence, in any order. */
  Optional<Found> findAnyOrder(AnswerText answer, int extra) {
    if (terms.size() < 2 || onlyStopWords) {
      return Optional.empty();
    }
    List<Token> seq = answer.content();
    int window = terms.size() + extra;
    for (int i = 0; i < seq.size(); i++) {
      if (!terms.contains(seq.get(i).term())) {
        continue;
      }
      boolean[] seen = new boolean[terms.size()];
      int found = 0;
      int last = i;
      for (int j = i; j < Math.min(seq.size(), i + window) && found < terms.size(); j++) {
        if (seq.get(j).sentence() != seq.get(i).sentence()) {
          break;
        }
        for (int k = 0; k < terms.size(); k++) {
          if (!seen[k] && terms.get(k).equals(seq.get(j).term())) {
            seen[k] = true;
            found++;
            last = j;
            break;
          }
        }
      }
      if (found == terms.size()) {
        return Optional.of(
            new Found(answer.span(seq.get(i), seq.get(last)), seq.get(i), seq.get(last)));
      }
    }
    return Optional.empty();
  }

  private int matchRest(
      List<Token> seq, int first, int next, int termIndex, int slop, boolean prefixes) {
    if (termIndex == terms.size()) {
      return next - 1;
    }
    for (int j = next; j <= next + slop && j < seq.size(); j++) {
      if (seq.get(j).sentence() != seq.get(first).sentence()) {
        return -1;
      }
      int width = startsHere(seq, j, termIndex, prefixes);
      if (width > 0) {
        int last = matchRest(seq, first, j + width, termIndex + 1, slop - (j - next), prefixes);
        if (last >= 0) {
          return last;
        }
      }
    }
    return -1;
  }

  /**
   * How many answer tokens phrase term {@code k} covers at {@code i}: 1, 2 (a split compound) or 0.
   */
  private int startsHere(List<Token> seq, int i, int k, boolean prefixes) {
    Token t = seq.get(i);
    String term = terms.get(k);
    if (t.term().equals(term)) {
      return 1;
    }
    String surface = surfaces.get(k);
    if (prefixes && surface.length() >= 4 && t.surface().startsWith(surface)) {
      return 1;
    }
    // a split compound: only worth analysing when the phrase word starts with this whole word
    if (i + 1 < seq.size()
        && surface.length() >= 6
        && t.surface().length() >= 2
        && surface.length() > t.surface().length()
        && surface.startsWith(t.surface())
        && seq.get(i + 1).sentence() == t.sentence()
        && AnswerText.stem(t.surface() + seq.get(i + 1).surface()).equals(term)) {
      return 2;
    }
    return 0;
  }

  /** A match: the span and its first and last tokens. */
  record Found(Span span, Token first, Token last) {}
}

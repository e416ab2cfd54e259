package dev.rehearse.assessment.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * An answer analysed once: every token keeps its stemmed term, its surface form and its exact
 * character offsets, so that whatever matches can be shown as a span of the original text.
 */
final class AnswerText {
  private static final TermAnalyzer ANALYZER = new TermAnalyzer();
  private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?;:\\n]");
  private static final Set<String> NUMBER_WORDS =
      Set.of(
          "one",
          "two",
          "three",
          "four",
          "five",
          "six",
          "seven",
          "eight",
          "nine",
          "ten",
          "eleven",
          "twelve",
          "fifteen",
          "twenty",
          "thirty",
          "forty",
          "fifty",
          "sixty",
          "seventy",
          "eighty",
          "ninety",
          "hundred",
          "thousand",
          "million",
          "billion",
          "percent",
          "half",
          "double",
          "twice",
          "triple",
          "dozen",
          "quarter",
          "third");

  /**
   * One token: stemmed term, lower-case surface, offsets, whether it is a stop word, its sentence.
   */
  record Token(String term, String surface, int start, int end, boolean stop, int sentence) {}

  /** Where something was found: the original words and their character span. */
  record Span(String text, int start, int end) {}

  private final String text;
  private final List<Token> tokens;
  private final List<Token> content;
  private String[] soundCodes;

  AnswerText(String text) {
    this.text = text;
    this.tokens = analyse(text);
    this.content = tokens.stream().filter(t -> !t.stop()).toList();
  }

  String text() {
    return text;
  }

  /** Every token, stop words included. */
  List<Token> tokens() {
    return tokens;
  }

  /** Tokens that carry meaning: stop words left out. */
  List<Token> content() {
    return content;
  }

  /** Double Metaphone code of each content token, computed on first use (spoken answers only). */
  String[] soundCodes() {
    if (soundCodes == null) {
      String[] codes = new String[content.size()];
      for (int i = 0; i < codes.length; i++) {
        codes[i] = Phonetics.wordCode(content.get(i).surface());
      }
      soundCodes = codes;
    }
    return soundCodes;
  }

  Span span(Token first, Token last) {
    return new Span(text.substring(first.start(), last.end()), first.start(), last.end());
  }

  /** The first figure in the answer (a digit or a number word), if any. */
  java.util.Optional<Token> firstNumber() {
    return tokens.stream()
        .filter(t -> Character.isDigit(t.surface().charAt(0)) || NUMBER_WORDS.contains(t.surface()))
        .findFirst();
  }

  /** The words that carry no meaning of their own, sorted. */
  static List<String> stopWords() {
    return STOP_WORDS.stream().map(w -> new String((char[]) w)).sorted().toList();
  }

  static boolean isStopWord(String surface) {
    return STOP_WORDS.contains(surface);
  }

  /** Analyses a short phrase into its tokens (no sentence bookkeeping needed). */
  static List<Token> analyse(String text) {
    List<Token> out = new ArrayList<>();
    try (TokenStream stream = ANALYZER.tokenStream("answer", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      int sentence = 0;
      int previousEnd = 0;
      while (stream.incrementToken()) {
        int start = offset.startOffset();
        int end = offset.endOffset();
        if (start > previousEnd
            && SENTENCE_END.matcher(text.substring(previousEnd, start)).find()) {
          sentence++;
        }
        previousEnd = end;
        String surface = text.substring(start, end).toLowerCase(Locale.ROOT);
        out.add(new Token(term.toString(), surface, start, end, isStopWord(surface), sentence));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The stem of a single word, as the analyzer sees it ("roll back" joined is "rollback"). */
  static String stem(String word) {
    List<Token> t = analyse(word);
    return t.size() == 1 ? t.get(0).term() : word.toLowerCase(Locale.ROOT);
  }
}

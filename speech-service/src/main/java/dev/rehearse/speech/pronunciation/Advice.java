package dev.rehearse.speech.pronunciation;

import dev.rehearse.contracts.QuestionPublished.Pronunciation;

/**
 * Kind, concrete advice for a drill: what was heard, in plain letters, and how most engineers say
 * the term. Many users speak English as a second language, so sentences stay short and plain.
 */
final class Advice {
  private Advice() {}

  static String correct(Pronunciation p, String form) {
    return "Clear: " + quote(form) + " is how most engineers say " + p.term() + ". Well done.";
  }

  static String close(Pronunciation p, String heardFreely, String form) {
    String also = heardFreely.isEmpty() || heardFreely.equals(form) ? "" : " (it could also be heard as " + quote(heardFreely) + ")";
    return "Nearly there: a listener would understand " + p.term() + ", but it was not fully clear" + also + ". "
        + howToSay(p) + " Say it a little slower and give every sound its time.";
  }

  static String confusion(Pronunciation p, String said) {
    boolean letters = said.chars().filter(c -> c == ' ').count() + 1 == said.replace(" ", "").length();
    String way = letters ? ", letter by letter" : "";
    return "You said " + quote(said) + way + "; most engineers say " + quote(p.saidAs()) + stress(p) + ". Try it that way.";
  }

  static String partial(Pronunciation p, String heard) {
    return "We heard " + quote(heard) + ": part of " + p.term() + " came through. " + howToSay(p) + " Try again, all in one go.";
  }

  static String heardOther(Pronunciation p, String heard) {
    return "We heard " + quote(heard) + ", which does not sound like " + p.term() + ". " + howToSay(p) + " Try again.";
  }

  static String nothing(Pronunciation p) {
    return "We could not make out a word. Come a little closer to the microphone and say " + quote(p.saidAs()) + " once, clearly.";
  }

  private static String howToSay(Pronunciation p) {
    return "Most engineers say " + quote(p.saidAs()) + stress(p) + ".";
  }

  private static String stress(Pronunciation p) {
    return p.stress() == null || p.stress().isBlank() ? "" : " (stress: " + p.stress() + ")";
  }

  private static String quote(String phrase) {
    return "'" + Phonetics.spoken(phrase) + "'";
  }
}

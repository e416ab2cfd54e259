package dev.rehearse.speech.pronunciation;

import dev.rehearse.contracts.QuestionPublished.Pronunciation;

/**
 * Kind, concrete advice for a drill: what was heard, in plain letters ("en see see el"), and how
 * most engineers say the term. Many users speak English as a second language, so sentences stay
 * short and plain. Content packs may write {@code saidAs} and {@code stress} as a word or as a
 * sentence; both read naturally here.
 */
final class Advice {
  private static final int SHORT_WORDS = 4;

  private Advice() {}

  static String correct(Pronunciation p, String form) {
    return "Clear: " + quote(form) + " is how most engineers say " + p.term() + ". Well done.";
  }

  static String close(Pronunciation p, String heardFreely, String form) {
    String also =
        heardFreely.isEmpty() || heardFreely.equals(form)
            ? ""
            : " (it could also be heard as " + quote(heardFreely) + ")";
    return "Nearly there: a listener would understand "
        + p.term()
        + ", but it was not fully clear"
        + also
        + ". "
        + howToSay(p)
        + " Say it a little slower and give every sound its time.";
  }

  static String confusion(Pronunciation p, String said) {
    boolean letters =
        said.chars().filter(c -> c == ' ').count() + 1 == said.replace(" ", "").length();
    return "You said "
        + quote(said)
        + (letters ? ", letter by letter" : "")
        + "; "
        + lower(howToSay(p))
        + " Try it that way.";
  }

  static String partial(Pronunciation p, String heard) {
    return "We heard "
        + quote(heard)
        + ": part of "
        + p.term()
        + " came through. "
        + howToSay(p)
        + " Try again, all in one go.";
  }

  static String heardOther(Pronunciation p, String heard) {
    return "We heard "
        + quote(heard)
        + ", which does not sound like "
        + p.term()
        + ". "
        + howToSay(p)
        + " Try again.";
  }

  static String nothing(Pronunciation p) {
    return "We could not make out a word. Come a little closer to the microphone and say "
        + p.term()
        + " once, clearly. "
        + howToSay(p);
  }

  /**
   * "Most engineers say 'nickel' (stress: NI-ckel)." or, for sentence-like content, two plain
   * sentences.
   */
  static String howToSay(Pronunciation p) {
    String said = sentence(p.saidAs());
    String how =
        isShort(said)
            ? "Most engineers say '" + said + "'"
            : "Most engineers say it like this: " + said;
    String stress = p.stress() == null ? "" : sentence(p.stress());
    if (stress.isEmpty()) {
      return how + ".";
    }
    return isShort(stress) ? how + " (stress: " + stress + ")." : how + ". Stress: " + stress + ".";
  }

  private static boolean isShort(String text) {
    return text.split("\\s+").length <= SHORT_WORDS && !text.contains("\"");
  }

  private static String sentence(String text) {
    String t = text.trim();
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
  }

  private static String lower(String text) {
    return Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  private static String quote(String phrase) {
    return "'" + Phonetics.spoken(phrase) + "'";
  }
}

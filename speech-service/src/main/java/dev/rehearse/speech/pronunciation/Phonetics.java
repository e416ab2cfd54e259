package dev.rehearse.speech.pronunciation;

import java.util.Locale;
import java.util.Map;

/**
 * A rough sound key for comparing what the free pass heard with a spoken form: letters said alone
 * become their names ("g p u" sounds like "gee pee you"), spellings that sound alike are merged and
 * voicing is ignored, so "kate" is close to "kates" and "python" is far from "pie torch".
 */
final class Phonetics {
  static final Map<Character, String> LETTER_NAMES =
      Map.ofEntries(
          Map.entry('a', "ay"),
          Map.entry('b', "bee"),
          Map.entry('c', "see"),
          Map.entry('d', "dee"),
          Map.entry('e', "ee"),
          Map.entry('f', "ef"),
          Map.entry('g', "gee"),
          Map.entry('h', "aitch"),
          Map.entry('i', "eye"),
          Map.entry('j', "jay"),
          Map.entry('k', "kay"),
          Map.entry('l', "el"),
          Map.entry('m', "em"),
          Map.entry('n', "en"),
          Map.entry('o', "oh"),
          Map.entry('p', "pee"),
          Map.entry('q', "cue"),
          Map.entry('r', "are"),
          Map.entry('s', "ess"),
          Map.entry('t', "tee"),
          Map.entry('u', "you"),
          Map.entry('v', "vee"),
          Map.entry('w', "double you"),
          Map.entry('x', "ex"),
          Map.entry('y', "why"),
          Map.entry('z', "zee"));

  private Phonetics() {}

  /** 0 (nothing alike) to 1 (same sound key). */
  static double similarity(String a, String b) {
    String ka = key(a);
    String kb = key(b);
    int longest = Math.max(1, Math.max(ka.length(), kb.length()));
    return 1 - (double) distance(ka, kb) / longest;
  }

  /** "n c c l" -> "en see see el": how a candidate reads single letters. */
  static String spoken(String phrase) {
    StringBuilder b = new StringBuilder();
    for (String w : phrase.trim().split("\\s+")) {
      String name = w.length() == 1 ? LETTER_NAMES.get(w.charAt(0)) : null;
      b.append(b.isEmpty() ? "" : " ").append(name != null ? name : w);
    }
    return b.toString();
  }

  static String key(String phrase) {
    String s = spoken(phrase.toLowerCase(Locale.ROOT)).replaceAll("[^a-z]", "");
    s =
        s.replace("tch", "j")
            .replace("ph", "f")
            .replace("ck", "k")
            .replace("gh", "")
            .replace("wh", "w")
            .replace("th", "d")
            .replace("sh", "s")
            .replace("ch", "j")
            .replace("dg", "j")
            .replace("x", "ks")
            .replace("q", "k")
            .replace("z", "s");
    s = s.replaceAll("c(?=[eiy])", "s").replace('c', 'k').replaceAll("g(?=[eiy])", "j");
    s = s.replaceAll("(ee|ea|ie|ey|y$)", "i").replaceAll("(oo|ou|ew|you|yu)", "u");
    s = s.replaceAll("[aeiouy]+", "_");
    StringBuilder out = new StringBuilder();
    String devoiced = s.replace('b', 'p').replace('d', 't').replace('g', 'k').replace('v', 'f');
    for (char c : devoiced.toCharArray()) {
      if (out.isEmpty() || out.charAt(out.length() - 1) != c) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static int distance(String a, String b) {
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      row[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int diagonal = row[0];
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int above = row[j];
        row[j] =
            Math.min(
                Math.min(row[j] + 1, row[j - 1] + 1),
                diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length()];
  }
}

package dev.rehearse.assessment.cohort;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Join codes a coach can read out or type: 8 characters from an alphabet without look-alikes (no
 * 0/O, 1/I/L), about 10^12 codes, unguessable at the gateway's request rates.
 */
final class JoinCodes {
  private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  private static final int LENGTH = 8;
  private static final SecureRandom RANDOM = new SecureRandom();

  private JoinCodes() {}

  static String next() {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** What a person typed, as stored: upper case, without spaces or dashes. */
  static String normalise(String typed) {
    return typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
  }
}

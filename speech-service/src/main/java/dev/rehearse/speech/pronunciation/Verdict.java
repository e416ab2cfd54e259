package dev.rehearse.speech.pronunciation;

/**
 * CORRECT: clearly understood; CLOSE: understood, not fully clear; RETRY: a listener would not get
 * it.
 */
public enum Verdict {
  CORRECT,
  CLOSE,
  RETRY
}

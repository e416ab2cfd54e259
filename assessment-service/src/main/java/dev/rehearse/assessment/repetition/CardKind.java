package dev.rehearse.assessment.repetition;

/**
 * What a card asks the candidate to recall: a vocabulary item, a quiz item they got wrong, a weak
 * concept of an answered question, or a term they failed to pronounce.
 */
public enum CardKind {
  VOCABULARY,
  QUIZ_ITEM,
  CONCEPT,
  PRONUNCIATION
}

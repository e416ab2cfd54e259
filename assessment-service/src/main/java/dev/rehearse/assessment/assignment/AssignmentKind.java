package dev.rehearse.assessment.assignment;

/** A mock interview to run from a template, or named questions to practise one by one. */
public enum AssignmentKind {
  SESSION,
  PRACTICE_SET
}

package dev.rehearse.contracts;

/**
 * An event about one candidate's work. Consumers drop such events once the candidate's account is
 * erased: an event still in flight when the deletion arrives must not bring their data back.
 */
public interface AboutCandidate {
  String candidateId();
}

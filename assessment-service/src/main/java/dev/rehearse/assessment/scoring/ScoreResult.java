package dev.rehearse.assessment.scoring;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** What scoring found in one answer; every number here can be traced to a span or a rule. */
public record ScoreResult(
    int score,
    Band band,
    List<ConceptHit> conceptsHit,
    List<ConceptMiss> conceptsMissed,
    List<RaisedFlag> redFlags,
    List<String> feedback) {

  public enum Band {
    WEAK("Weak"),
    DEVELOPING("Developing"),
    STRONG("Strong"),
    EXCELLENT("Excellent");

    private final String label;

    Band(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    static Band of(int score) {
      if (score >= 85) {
        return EXCELLENT;
      }
      if (score >= 60) {
        return STRONG;
      }
      if (score >= 35) {
        return DEVELOPING;
      }
      return WEAK;
    }
  }

  /** A concept found, with the words that matched and where they stand in the answer. */
  @Serdeable
  public record ConceptHit(String concept, String label, String matched, int start, int end) {}

  @Serdeable
  public record ConceptMiss(String concept, String label) {}

  /** A red flag with the rule that raised it and the evidence: the words, or what was missing. */
  @Serdeable
  public record RaisedFlag(String rule, String title, String explanation, String evidence) {}
}

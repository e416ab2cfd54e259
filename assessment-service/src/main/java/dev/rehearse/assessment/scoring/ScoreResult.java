package dev.rehearse.assessment.scoring;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** What scoring found in one answer; every number here can be traced to a span or a rule. */
public record ScoreResult(
    int score,
    Band band,
    int coverage,
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

    /**
     * Score bands: Excellent 90+ (essentially every concept), Strong 60-89, Developing 20-59 (at
     * least one substantial concept of a typical four or five), Weak below 20.
     */
    public static Band of(int score) {
      if (score >= 90) {
        return EXCELLENT;
      }
      if (score >= 60) {
        return STRONG;
      }
      if (score >= 20) {
        return DEVELOPING;
      }
      return WEAK;
    }
  }

  /** How a concept was found: the rubric's words, a reordered paraphrase, or by sound in a transcript. */
  public enum MatchKind { EXACT, PARAPHRASE, SOUND_ALIKE }

  /**
   * A concept found, with the words that matched ({@code matched} is exactly
   * {@code answer.substring(start, end)}), the rubric phrase they matched and how.
   */
  @Serdeable
  public record ConceptHit(
      String concept, String label, String matched, int start, int end,
      @Nullable String phrase, @Nullable MatchKind how, @Nullable Integer weight) {}

  @Serdeable
  public record ConceptMiss(String concept, String label, @Nullable Integer weight) {}

  /**
   * A red flag with the rule that raised it and the evidence: the quoted words (with their span)
   * or what was missing (no span).
   */
  @Serdeable
  public record RaisedFlag(
      String rule, String title, String explanation, String evidence,
      @Nullable Integer start, @Nullable Integer end) {}
}

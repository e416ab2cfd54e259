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
    List<String> feedback,
    ScoreBreakdown breakdown) {

  public enum Band {
    WEAK("Weak", 0),
    DEVELOPING("Developing", 20),
    STRONG("Strong", 60),
    EXCELLENT("Excellent", 90);

    private final String label;
    private final int from;

    Band(String label, int from) {
      this.label = label;
      this.from = from;
    }

    public String label() {
      return label;
    }

    /** The lowest score in this band. */
    public int from() {
      return from;
    }

    /**
     * Score bands: Excellent 90+ (essentially every concept), Strong 60-89, Developing 20-59 (at
     * least one substantial concept of a typical four or five), Weak below 20.
     */
    public static Band of(int score) {
      Band band = WEAK;
      for (Band b : values()) {
        if (score >= b.from) {
          band = b;
        }
      }
      return band;
    }
  }

  /**
   * How a concept was found: by the rubric's words (in order, or reordered as a paraphrase), by
   * sound in a transcript, or by meaning (sentence embeddings).
   */
  public enum MatchKind {
    EXACT,
    PARAPHRASE,
    SOUND_ALIKE,
    MEANING
  }

  /**
   * A concept found, with the words that matched ({@code matched} is exactly {@code
   * answer.substring(start, end)}), the rubric phrase or model-answer sentence they matched and
   * how; for MEANING the cosine similarity. {@code credit} is the share of the concept's weight
   * earned (1 for words and sound; less for a concept only partly there).
   */
  @Serdeable
  public record ConceptHit(
      String concept,
      String label,
      String matched,
      int start,
      int end,
      @Nullable String phrase,
      @Nullable MatchKind how,
      @Nullable Integer weight,
      @Nullable Double similarity,
      @Nullable Double credit) {

    /** A hit by words or sound: full credit, no similarity. */
    public ConceptHit(
        String concept,
        String label,
        String matched,
        int start,
        int end,
        String phrase,
        MatchKind how,
        Integer weight) {
      this(concept, label, matched, start, end, phrase, how, weight, null, 1.0);
    }
  }

  @Serdeable
  public record ConceptMiss(String concept, String label, @Nullable Integer weight) {}

  /**
   * A red flag with the rule that raised it and the evidence: the quoted words (with their span) or
   * what was missing (no span).
   */
  @Serdeable
  public record RaisedFlag(
      String rule,
      String title,
      String explanation,
      String evidence,
      @Nullable Integer start,
      @Nullable Integer end) {}
}

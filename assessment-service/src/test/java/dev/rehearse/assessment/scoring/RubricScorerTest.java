package dev.rehearse.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.assessment.catalog.CatalogQuestion;
import dev.rehearse.assessment.scoring.ScoreResult.ConceptHit;
import dev.rehearse.assessment.scoring.ScoreResult.MatchKind;
import dev.rehearse.contracts.AttemptScored.Mode;
import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import dev.rehearse.contracts.QuestionPublished.RubricConcept;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The matcher alone, no application context: spans, paraphrase, compounds and sound-alikes. */
class RubricScorerTest {
  private final RubricScorer scorer = Scorers.scorer();
  private final CatalogQuestion memory =
      new CatalogQuestion(
          "q-memory",
          "distributed-training",
          "Advanced",
          "A 30B model does not fit in GPU memory. What would you try?",
          List.of(
              new RubricConcept(
                  "checkpointing",
                  "Gradient checkpointing",
                  25,
                  List.of(
                      "gradient checkpointing",
                      "activation checkpointing",
                      "recompute activations")),
              new RubricConcept(
                  "sharding",
                  "Shard model states",
                  25,
                  List.of("fsdp", "zero stage 3", "shard the optimizer state")),
              new RubricConcept(
                  "precision", "Mixed precision", 25, List.of("mixed precision", "bf16", "fp16")),
              new RubricConcept(
                  "offload", "CPU offloading", 25, List.of("offload to cpu", "cpu offload"))),
          List.of(),
          Instant.EPOCH);

  @Test
  void spansPointExactlyAtTheMatchedWords() {
    String answer =
        "First I would enable Gradient Checkpointing, then shard everything with FSDP and train in BF16.";
    ScoreResult r = scorer.score(memory, answer);

    assertThat(r.conceptsHit())
        .extracting(ConceptHit::concept)
        .containsExactly("checkpointing", "sharding", "precision");
    for (ConceptHit hit : r.conceptsHit()) {
      assertThat(answer.substring(hit.start(), hit.end())).isEqualTo(hit.matched());
      assertThat(hit.how()).isEqualTo(MatchKind.EXACT);
    }
    assertThat(r.conceptsHit().get(0).matched()).isEqualTo("Gradient Checkpointing");
    assertThat(r.conceptsMissed())
        .extracting(ScoreResult.ConceptMiss::concept)
        .containsExactly("offload");
    assertThat(r.score()).isEqualTo(75);
    assertThat(r.band()).isEqualTo(ScoreResult.Band.STRONG);
    assertThat(r.feedback()).first().asString().contains("; add CPU offloading: ");
  }

  @Test
  void stemmingAndReorderingSurviveParaphrase() {
    String answer =
        "We offloaded the optimiser states to the CPU, and the activations were recomputed during backward.";
    ScoreResult r = scorer.score(memory, answer);

    assertThat(r.conceptsHit())
        .extracting(ConceptHit::concept)
        .contains("checkpointing", "offload");
    ConceptHit recompute = r.conceptsHit().get(0);
    assertThat(recompute.how()).isEqualTo(MatchKind.PARAPHRASE);
    assertThat(recompute.matched()).isEqualTo("activations were recomputed");
    assertThat(
            r.conceptsHit().stream()
                .filter(h -> h.concept().equals("offload"))
                .findFirst()
                .orElseThrow()
                .matched())
        .isEqualTo("offloaded the optimiser states to the CPU");
  }

  @Test
  void splitAndJoinedCompoundsMatch() {
    CatalogQuestion q =
        new CatalogQuestion(
            "q-ckpt",
            "model-checkpointing",
            "Intermediate",
            "Recovery?",
            List.of(
                new RubricConcept("ckpt", "Checkpoint", 50, List.of("checkpoint")),
                new RubricConcept("rollback", "Rollback", 50, List.of("roll back"))),
            List.of(),
            Instant.EPOCH);
    ScoreResult r =
        scorer.score(
            q, "We save a check point every hour and do a rollback when the loss explodes.");

    assertThat(r.conceptsHit())
        .extracting(ConceptHit::matched)
        .containsExactly("check point", "rollback");
  }

  @Test
  void soundAlikeTranscriptWordsFindTheConceptOnlyForSpokenAnswers() {
    String transcript =
        "so first i would turn on radiant kept pointing and then use f s d p with mixed precision";
    ScoreResult spoken = scorer.score(memory, transcript, Mode.SPOKEN);
    ScoreResult typed = scorer.score(memory, transcript, Mode.TYPED);

    ConceptHit hit = spoken.conceptsHit().get(0);
    assertThat(hit.concept()).isEqualTo("checkpointing");
    assertThat(hit.how()).isEqualTo(MatchKind.SOUND_ALIKE);
    assertThat(hit.matched()).isEqualTo("radiant kept pointing");
    assertThat(transcript.substring(hit.start(), hit.end())).isEqualTo("radiant kept pointing");
    assertThat(spoken.conceptsHit())
        .extracting(ConceptHit::concept)
        .contains("sharding", "precision");
    assertThat(spoken.feedback())
        .anyMatch(f -> f.contains("\u201cradiant kept pointing\u201d as gradient checkpointing"));
    assertThat(typed.conceptsHit())
        .extracting(ConceptHit::concept)
        .doesNotContain("checkpointing", "sharding");
  }

  @Test
  void unrelatedSpokenWordsDoNotSoundLikeTheRubric() {
    String transcript =
        "i think the weather was great and we went to the beach with my family on the weekend";
    assertThat(scorer.score(memory, transcript, Mode.SPOKEN).conceptsHit()).isEmpty();
  }

  @Test
  void aKeywordListIsNotAnExplanation() {
    ScoreResult r = scorer.score(memory, "FSDP, bf16, CPU offload");
    assertThat(r.coverage()).isEqualTo(75);
    assertThat(r.score()).isEqualTo(RubricScorer.KEYWORD_LIST_CAP);
    assertThat(r.band()).isEqualTo(ScoreResult.Band.DEVELOPING);
    assertThat(r.breakdown().coverage()).isEqualTo(75);
    assertThat(r.breakdown().adjustments())
        .extracting(ScoreBreakdown.Adjustment::rule, ScoreBreakdown.Adjustment::after)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("KEYWORD_LIST_CAP", 40));
    assertThat(r.feedback()).anyMatch(f -> f.contains("capped at 40"));
  }

  @Test
  void aRedFlagClaimCostsPointsAndTheFeedbackSaysWhy() {
    CatalogQuestion q =
        new CatalogQuestion(
            memory.questionId(),
            memory.skillId(),
            memory.level(),
            memory.text(),
            memory.concepts(),
            List.of(
                new RedFlagRule(
                    "just-more-gpus",
                    "More hardware first",
                    "Measure before buying.",
                    RedFlagRule.Kind.MENTIONS,
                    List.of("just add more gpus"))),
            Instant.EPOCH);
    String answer =
        "We enabled gradient checkpointing and bf16, sharded the model with FSDP, offloaded optimizer state to CPU,"
            + " and when it was still slow we just added more GPUs to the job because the deadline was close and nobody had"
            + " time to profile the data loader or check the interconnect, which in hindsight was a costly decision for the team.";
    ScoreResult r = scorer.score(q, answer);

    assertThat(r.coverage()).isEqualTo(100);
    assertThat(r.score()).isEqualTo(100 - RubricScorer.CLAIM_PENALTY);
    assertThat(r.redFlags())
        .singleElement()
        .satisfies(
            f ->
                assertThat(answer.substring(f.start(), f.end())).isEqualTo("just added more GPUs"));
    assertThat(r.breakdown().adjustments())
        .extracting(ScoreBreakdown.Adjustment::rule, ScoreBreakdown.Adjustment::points)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("CLAIM", -RubricScorer.CLAIM_PENALTY));
    assertThat(r.feedback())
        .first()
        .asString()
        .startsWith("You wrote \u201cjust added more GPUs\u201d");
  }
}

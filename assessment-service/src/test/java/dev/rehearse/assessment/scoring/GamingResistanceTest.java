package dev.rehearse.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.assessment.catalog.CatalogQuestion;
import dev.rehearse.assessment.scoring.ScoreResult.ConceptHit;
import dev.rehearse.assessment.scoring.ScoreResult.MatchKind;
import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import dev.rehearse.contracts.QuestionPublished.RubricConcept;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Answers written to game the score get nothing for it; honest ones in other words still count. */
class GamingResistanceTest {
  private final RubricScorer scorer = Scorers.scorer();
  private final CatalogQuestion rollout =
      new CatalogQuestion(
          "q-rollout",
          "model-serving",
          "Intermediate",
          "How would you roll out a new version of a model that serves many requests per second?",
          List.of(
              new RubricConcept(
                  "canary", "Canary deployment", 35, List.of("canary", "small share of traffic")),
              new RubricConcept(
                  "rollback",
                  "Rollback to the previous version",
                  35,
                  List.of("roll back", "previous version")),
              new RubricConcept(
                  "monitoring",
                  "Monitoring latency and errors",
                  30,
                  List.of("latency", "error rate"))),
          List.of(
              new RedFlagRule(
                  "no-rollback-plan",
                  "No rollback plan",
                  "Explain how a bad release is undone quickly.",
                  RedFlagRule.Kind.MISSING,
                  List.of("roll back", "rollback", "previous version"))),
          Instant.EPOCH,
          "I would start with a canary: a small share of traffic goes to the new version while I watch latency and the error"
              + " rate against the old one. If they get worse, traffic goes back to the previous version at once.");

  @Test
  void conceptsSaidAsNotDoneEarnNothingAndTheMissingFlagStillFires() {
    ScoreResult r =
        scorer.score(
            rollout,
            "There is no need for a canary and we would never roll back; we replace the model"
                + " everywhere at once and do not watch latency because the offline accuracy was better.");
    assertThat(r.conceptsHit()).isEmpty();
    assertThat(r.score()).isLessThan(20);
    assertThat(r.redFlags())
        .extracting(ScoreResult.RaisedFlag::rule)
        .containsExactly("no-rollback-plan");
  }

  @Test
  void aConceptDismissedAfterItIsNamedEarnsNothing() {
    ScoreResult dismissed =
        scorer.score(
            rollout, "A canary is overkill here, and latency dashboards are not needed either.");
    assertThat(dismissed.conceptsHit())
        .extracting(ConceptHit::concept)
        .doesNotContain("canary", "monitoring");
    ScoreResult kept =
        scorer.score(
            rollout, "A canary does not slow the release much, and latency dashboards stay open.");
    assertThat(kept.conceptsHit()).extracting(ConceptHit::concept).contains("canary", "monitoring");
  }

  @Test
  void aDoubleNegativeIsPositive() {
    ScoreResult r =
        scorer.score(
            rollout,
            "We never ship without a canary release, and the dashboards for latency stay open.");
    assertThat(r.conceptsHit()).extracting(ConceptHit::concept).contains("canary");
  }

  @Test
  void anAnswerThatRepeatsTheQuestionIsWeak() {
    ScoreResult r =
        scorer.score(
            rollout,
            "I would roll out the new version of the model that serves many requests per second,"
                + " a new version of the model, rolled out for the many requests per second it serves.");
    assertThat(r.score()).isLessThan(20);
    assertThat(r.feedback()).anySatisfy(f -> assertThat(f).contains("repeats the question"));
  }

  @Test
  void aListOfTermsIsCappedAtDevelopingAndRepeatsCountOnce() {
    ScoreResult r =
        scorer.score(
            rollout,
            "canary, canary, rollback, previous version, latency, error rate, p99, canary");
    assertThat(r.score()).isLessThanOrEqualTo(40);
    assertThat(r.band()).isEqualTo(ScoreResult.Band.DEVELOPING);
    assertThat(r.feedback()).anySatisfy(f -> assertThat(f).contains("capped at 40"));
    assertThat(r.conceptsHit()).extracting(ConceptHit::concept).doesNotHaveDuplicates();
  }

  @Test
  void aParaphraseOfTheModelAnswerIsFoundByMeaning() {
    ScoreResult r =
        scorer.score(
            rollout,
            "First a small slice of users gets the new version while I track how slow responses"
                + " are and how many requests fail compared with the current one. If those numbers get worse, all traffic goes"
                + " back to the version that was running before.");
    assertThat(r.conceptsHit())
        .anySatisfy(
            h -> {
              assertThat(h.how()).isEqualTo(MatchKind.MEANING);
              assertThat(h.similarity()).isNotNull();
              assertThat(h.matched()).isNotBlank();
            });
    assertThat(r.score()).isGreaterThanOrEqualTo(60);
  }

  @Test
  void twoOfFiveConceptsCoveredWellLandInDeveloping() {
    CatalogQuestion five =
        new CatalogQuestion(
            "q-five",
            "model-serving",
            "Intermediate",
            rollout.text(),
            List.of(
                new RubricConcept("canary", "Canary deployment", 20, List.of("canary")),
                new RubricConcept("rollback", "Rollback", 20, List.of("roll back")),
                new RubricConcept("latency", "Latency", 20, List.of("latency")),
                new RubricConcept("registry", "Model registry", 20, List.of("model registry")),
                new RubricConcept("shadow", "Shadow traffic", 20, List.of("shadow mode"))),
            List.of(),
            Instant.EPOCH);
    ScoreResult r =
        scorer.score(
            five,
            "I would send a canary to a few percent of users first, and if anything looks wrong"
                + " I would roll back right away to keep users safe while we look into it.");
    assertThat(r.band()).isEqualTo(ScoreResult.Band.DEVELOPING);
  }
}

package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.catalog.CatalogQuestion;
import dev.rehearse.assessment.repetition.CardKind;
import dev.rehearse.assessment.repetition.Repetition;
import dev.rehearse.contracts.AttemptScored;
import dev.rehearse.contracts.AttemptScored.Mode;
import dev.rehearse.contracts.Topics;
import dev.rehearse.contracts.TranscriptReady;
import dev.rehearse.platform.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Scores an answer, stores the attempt and queues the scored event, all in one transaction. */
@Singleton
public class AttemptScoring {
  private static final Logger LOG = LoggerFactory.getLogger(AttemptScoring.class);
  private final RubricScorer scorer;
  private final AttemptRepository attempts;
  private final Outbox outbox;
  private final Repetition repetition;

  /** How long the rubric scorer takes, per kind of answer (typed, spoken). */
  private final Map<Mode, Timer> latency = new EnumMap<>(Mode.class);

  public AttemptScoring(
      RubricScorer scorer,
      AttemptRepository attempts,
      Outbox outbox,
      Repetition repetition,
      MeterRegistry meters) {
    this.scorer = scorer;
    this.attempts = attempts;
    this.outbox = outbox;
    this.repetition = repetition;
    for (Mode mode : Mode.values()) {
      latency.put(
          mode,
          Timer.builder("rehearse.scoring")
              .description("Time to score one answer against its rubric")
              .tag("kind", mode.name().toLowerCase(Locale.ROOT))
              .publishPercentileHistogram()
              .minimumExpectedValue(Duration.ofMillis(1))
              .maximumExpectedValue(Duration.ofSeconds(10))
              .register(meters));
    }
  }

  /**
   * A typed answer, or with {@code spoken} the transcript of a spoken one (then delivery is judged
   * too).
   */
  @Transactional
  public Attempt score(
      UUID attemptId,
      String candidateId,
      CatalogQuestion question,
      String answer,
      @Nullable TranscriptReady spoken) {
    Mode mode = spoken == null ? Mode.TYPED : Mode.SPOKEN;
    ScoreResult r = latency.get(mode).record(() -> scorer.score(question, answer, mode));
    FluencyReport delivery = spoken == null ? null : FluencyReport.of(spoken);
    Attempt attempt =
        attempts.save(
            new Attempt(
                attemptId,
                candidateId,
                question.questionId(),
                mode,
                answer,
                r.score(),
                r.band().label(),
                r.conceptsHit(),
                r.conceptsMissed(),
                r.redFlags(),
                r.feedback(),
                spoken == null ? null : spoken.fluency(),
                Instant.now(),
                question.skillId(),
                r.coverage(),
                delivery,
                question.level(),
                null,
                r.breakdown(),
                spoken == null ? null : spoken.words()));
    outbox.publish(
        Topics.ASSESSMENT_SCORED,
        candidateId,
        new AttemptScored(
            UUID.randomUUID(),
            AttemptScored.SCHEMA_VERSION,
            Instant.now(),
            attemptId,
            candidateId,
            question.questionId(),
            question.skillId(),
            mode,
            r.score(),
            r.band().label(),
            r.conceptsHit().stream().map(ScoreResult.ConceptHit::concept).toList(),
            r.conceptsMissed().stream().map(ScoreResult.ConceptMiss::concept).toList(),
            r.redFlags().stream().map(ScoreResult.RaisedFlag::rule).toList()));
    enrolWeakConcepts(candidateId, question, r);
    LOG.info("Scored {} attempt {} of candidate {}: {}", mode, attemptId, candidateId, r.score());
    return attempt;
  }

  /**
   * Each concept missed or barely covered comes back for review, keyed "question id/concept id" and
   * labelled with the concept and its question.
   */
  private void enrolWeakConcepts(String candidateId, CatalogQuestion question, ScoreResult r) {
    Map<String, String> weak = new LinkedHashMap<>();
    r.conceptsMissed().forEach(m -> weak.put(m.concept(), m.label()));
    r.conceptsHit().stream()
        .filter(h -> h.credit() != null && h.credit() < Feedback.BARELY)
        .forEach(h -> weak.put(h.concept(), h.label()));
    weak.forEach(
        (concept, label) ->
            repetition.enrol(
                candidateId,
                CardKind.CONCEPT,
                question.questionId() + "/" + concept,
                label + " \u2014 " + question.text()));
  }
}

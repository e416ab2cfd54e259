package dev.rehearse.assessment.scoring;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A candidate as a coach's cohort list shows them; scores are effective (after overrides). */
@Introspected
@Serdeable
public record CandidateSummary(
    String candidateId, long attempts, int averageScore, Instant lastAttemptAt, int redFlags, int reviewed) {}

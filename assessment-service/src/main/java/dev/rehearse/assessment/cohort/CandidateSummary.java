package dev.rehearse.assessment.cohort;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A candidate as a coach's cohort table shows them; scores are effective (after overrides). A
 * candidate who joined but has not answered yet has no average and no last attempt.
 */
@Introspected
@Serdeable
public record CandidateSummary(
    String candidateId,
    @Nullable String displayName,
    @Nullable String cohorts,
    long attempts,
    @Nullable Integer averageScore,
    @Nullable Instant lastAttemptAt,
    int redFlags,
    int reviewed) {}

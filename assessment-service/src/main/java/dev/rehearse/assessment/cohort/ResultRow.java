package dev.rehearse.assessment.cohort;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** One attempt of a cohort member, as the results export lists it. */
@Introspected
public record ResultRow(
    @Nullable String displayName,
    String candidateId,
    String questionId,
    @Nullable String questionText,
    @Nullable String skillId,
    int machineScore,
    @Nullable Integer reviewedScore,
    Instant createdAt) {}

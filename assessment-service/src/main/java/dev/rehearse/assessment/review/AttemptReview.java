package dev.rehearse.assessment.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of an attempt's audit trail: who reviewed, when, the score before and the override (if
 * any) with its reason, and a comment. Entries are only ever added.
 */
@Serdeable
@MappedEntity("attempt_review")
public record AttemptReview(
    @Id UUID id,
    UUID attemptId,
    String candidateId,
    String coachId,
    int machineScore,
    int previousScore,
    @Nullable Integer overrideScore,
    @Nullable String reason,
    @Nullable String comment,
    Instant createdAt) {}

package dev.rehearse.assessment.assignment;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;

/**
 * A member's raw progress as the database computes it; {@code finishedAt} is set once the work is
 * complete (the session ended, or every named question has a scored attempt).
 */
@Introspected
public record ProgressRow(
    String candidateId,
    @Nullable String displayName,
    @Nullable Integer answered,
    @Nullable Integer score,
    @Nullable Instant finishedAt,
    @Nullable UUID sessionId) {}

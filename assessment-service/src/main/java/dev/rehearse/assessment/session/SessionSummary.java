package dev.rehearse.assessment.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/** A line of "my sessions". */
@Serdeable
public record SessionSummary(
    UUID id,
    String roleId,
    MockSession.Status status,
    int questionCount,
    int answered,
    int skipped,
    @Nullable Integer averageScore,
    @Nullable UUID assignmentId,
    Instant createdAt,
    @Nullable Instant completedAt) {}

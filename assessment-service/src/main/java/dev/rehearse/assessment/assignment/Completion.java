package dev.rehearse.assessment.assignment;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/** A session assignment a candidate completed, as their data export lists it. */
@Introspected
@Serdeable
public record Completion(
    UUID assignmentId,
    String title,
    UUID sessionId,
    @Nullable Integer score,
    Instant completedAt) {}

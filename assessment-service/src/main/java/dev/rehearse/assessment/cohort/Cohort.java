package dev.rehearse.assessment.cohort;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** A coach's group of candidates; candidates join with {@code joinCode}. */
@MappedEntity("cohort")
public record Cohort(
    @Id UUID id, String coachId, String name, String joinCode, Instant createdAt) {}

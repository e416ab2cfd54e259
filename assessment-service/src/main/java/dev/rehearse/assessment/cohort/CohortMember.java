package dev.rehearse.assessment.cohort;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** A candidate in a cohort, with the display name of their token when they joined. */
@MappedEntity("cohort_member")
public record CohortMember(
    @Id UUID id,
    UUID cohortId,
    String candidateId,
    @Nullable String displayName,
    Instant joinedAt) {}

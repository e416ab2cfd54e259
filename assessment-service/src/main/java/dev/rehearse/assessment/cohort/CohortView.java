package dev.rehearse.assessment.cohort;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/** A cohort as its coach sees it: the join code to hand out and how many have joined. */
@Introspected
@Serdeable
public record CohortView(UUID id, String name, String joinCode, Instant createdAt, long members) {}

package dev.rehearse.assessment.cohort;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/** A cohort a candidate belongs to, as the candidate sees it. */
@Introspected
@Serdeable
public record Membership(UUID cohortId, String cohortName, Instant joinedAt) {}

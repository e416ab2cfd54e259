package dev.rehearse.assessment.assignment;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An assignment as its coach sees it: the template and where every member of the cohort stands. */
@Serdeable
public record AssignmentView(
    UUID id,
    UUID cohortId,
    String title,
    AssignmentKind kind,
    SessionTemplate template,
    Instant dueAt,
    Instant createdAt,
    List<MemberProgress> members) {}

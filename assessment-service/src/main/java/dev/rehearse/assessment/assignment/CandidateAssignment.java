package dev.rehearse.assessment.assignment;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * An assignment as a member sees it: what to start (the template) and where they stand. A SESSION
 * starts with POST /api/sessions carrying the template and {@code assignmentId}; a PRACTICE_SET is
 * its questions, each answered on the practice page.
 */
@Serdeable
public record CandidateAssignment(
    UUID id,
    UUID cohortId,
    String cohortName,
    String title,
    AssignmentKind kind,
    SessionTemplate template,
    Instant dueAt,
    MemberProgress progress) {}

package dev.rehearse.assessment.inbox;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * One attempt in a coach's review inbox. {@code flagged}: red flags were raised, a concept was
 * found by meaning only (the least certain match), or a second review is open. {@code
 * reviewedScore} is null until reviewed, and for a blind second reviewer.
 */
@Introspected
@Serdeable
public record InboxItem(
    UUID attemptId,
    String candidateId,
    @Nullable String displayName,
    String questionId,
    @Nullable String skillId,
    String mode,
    int machineScore,
    @Nullable Integer reviewedScore,
    Instant createdAt,
    int redFlags,
    int meaningMatches,
    boolean secondReviewOpen,
    boolean reviewed,
    boolean flagged) {

  InboxItem blind() {
    return new InboxItem(
        attemptId,
        candidateId,
        displayName,
        questionId,
        skillId,
        mode,
        machineScore,
        null,
        createdAt,
        redFlags,
        meaningMatches,
        secondReviewOpen,
        false,
        flagged);
  }
}

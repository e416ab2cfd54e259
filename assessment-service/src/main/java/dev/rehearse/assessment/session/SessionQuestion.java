package dev.rehearse.assessment.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * One question of a session, with the text it had when chosen (the report outlives a retired
 * question). {@code startedAt} is when its thinking time began, moved forward by pauses.
 */
@MappedEntity("mock_session_question")
public record SessionQuestion(
    @Id UUID id,
    UUID sessionId,
    int position,
    String questionId,
    @Nullable String type,
    String skillId,
    String text,
    Status status,
    @Nullable Instant startedAt,
    @Nullable UUID attemptId) {

  public enum Status {
    PENDING,
    ANSWERED,
    SKIPPED
  }

  boolean done() {
    return status != Status.PENDING;
  }

  SessionQuestion with(Status status, @Nullable Instant startedAt, @Nullable UUID attemptId) {
    return new SessionQuestion(
        id, sessionId, position, questionId, type, skillId, text, status, startedAt, attemptId);
  }
}

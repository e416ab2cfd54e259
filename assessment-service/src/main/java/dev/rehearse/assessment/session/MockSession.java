package dev.rehearse.assessment.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** A candidate's mock interview; {@code pausedAt} is set while PAUSED. */
@MappedEntity("mock_session")
public record MockSession(
    @Id UUID id,
    String candidateId,
    String roleId,
    Status status,
    int thinkingSeconds,
    int answerSeconds,
    @Nullable UUID assignmentId,
    @Nullable Instant pausedAt,
    Instant createdAt,
    @Nullable Instant completedAt) {

  public enum Status {
    OPEN,
    PAUSED,
    COMPLETED
  }

  MockSession with(Status status, @Nullable Instant pausedAt, @Nullable Instant completedAt) {
    return new MockSession(
        id,
        candidateId,
        roleId,
        status,
        thinkingSeconds,
        answerSeconds,
        assignmentId,
        pausedAt,
        createdAt,
        completedAt);
  }
}

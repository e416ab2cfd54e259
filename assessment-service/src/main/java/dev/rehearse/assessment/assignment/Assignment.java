package dev.rehearse.assessment.assignment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Work a coach set one of their cohorts, due by {@code dueAt}. */
@Serdeable
@MappedEntity("assignment")
public record Assignment(
    @Id UUID id,
    UUID cohortId,
    String coachId,
    String title,
    AssignmentKind kind,
    String roleId,
    @TypeDef(type = DataType.JSON) List<String> skills,
    @Nullable String level,
    @Nullable Integer questionCount,
    @TypeDef(type = DataType.JSON) List<String> questionIds,
    @Nullable Integer thinkingSeconds,
    @Nullable Integer answerSeconds,
    Instant dueAt,
    Instant createdAt) {

  /** What a candidate starts: the body of POST /api/sessions, or the questions to practise. */
  public SessionTemplate template() {
    return new SessionTemplate(
        roleId, skills, level, questionCount, questionIds, thinkingSeconds, answerSeconds);
  }
}

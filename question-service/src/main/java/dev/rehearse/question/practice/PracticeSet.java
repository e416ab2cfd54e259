package dev.rehearse.question.practice;

import dev.rehearse.question.catalog.ItemType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A practice set, weakest sub-skill first, with why each item is in it and how the sub-skills
 * stand.
 */
@Serdeable
public record PracticeSet(
    String candidateId,
    String role,
    Instant createdAt,
    List<Entry> items,
    List<SkillFocus> skills) {

  /** {@code reason}: DUE for review, NEW to the candidate, or AHEAD of its review date (filler). */
  @Serdeable
  public record Entry(
      String id,
      ItemType type,
      String skill,
      String level,
      String text,
      PracticePlanner.Reason reason,
      @Nullable Instant dueAt) {}

  /** {@code mastery} is null until the candidate has a scored answer in the sub-skill. */
  @Serdeable
  public record SkillFocus(
      String skill, int weight, @Nullable Double mastery, int attempts, int slots) {}
}

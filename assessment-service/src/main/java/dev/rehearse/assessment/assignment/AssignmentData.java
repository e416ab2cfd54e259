package dev.rehearse.assessment.assignment;

import dev.rehearse.platform.personal.PersonalData;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Assignments name two kinds of account: the candidates who completed them (their completions) and
 * the coach who set them. Erasing a candidate removes their completions; erasing a coach withdraws
 * the assignments they set (with every completion of them: the work itself stays in the attempts
 * and sessions of each candidate).
 */
@Singleton
public class AssignmentData implements PersonalData {
  private final AssignmentRepository assignments;

  public AssignmentData(AssignmentRepository assignments) {
    this.assignments = assignments;
  }

  @Override
  public String section() {
    return "assignments";
  }

  @Override
  public Held export(String accountId) {
    return new Held(
        assignments.completionsOf(accountId), assignments.findByCoachIdOrderByCreatedAt(accountId));
  }

  @Override
  public void erase(String accountId) {
    assignments.deleteCompletionsOf(accountId);
    assignments.deleteByCoachId(accountId);
  }

  /** What one account has here: sessions that completed assignments, and assignments they set. */
  @Serdeable
  public record Held(List<Completion> completed, List<Assignment> set) {}
}

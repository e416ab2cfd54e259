package dev.rehearse.assessment.assignment;

import static dev.rehearse.assessment.cohort.CohortAccess.requireStaff;

import dev.rehearse.platform.identity.Caller;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;

/**
 * Assignments: a coach sets a cohort a session template or a practice set with a due date and sees
 * who finished, their scores and who is late; members see theirs on their dashboard. Setting and
 * withdrawing are the owning coach's; an admin may read any.
 */
@Controller
public class AssignmentController {
  private final Assignments assignments;

  public AssignmentController(Assignments assignments) {
    this.assignments = assignments;
  }

  @Operation(
      summary = "Set one of your cohorts a session template or a practice set, with a due date")
  @Post("/api/coach/cohorts/{cohortId}/assignments")
  public HttpResponse<AssignmentView> create(
      UUID cohortId, Caller caller, @Body @Valid NewAssignment assignment) {
    return HttpResponse.created(assignments.create(requireStaff(caller), cohortId, assignment));
  }

  @Operation(summary = "A cohort's assignments with each member's status, score and lateness")
  @Get("/api/coach/cohorts/{cohortId}/assignments")
  public List<AssignmentView> ofCohort(UUID cohortId, Caller caller) {
    return assignments.ofCohort(requireStaff(caller), cohortId);
  }

  @Operation(summary = "One assignment with each member's status, score and lateness")
  @Get("/api/coach/assignments/{id}")
  public AssignmentView one(UUID id, Caller caller) {
    return assignments.one(requireStaff(caller), id);
  }

  @Operation(summary = "Withdraw an assignment (answers already given stay)")
  @Delete("/api/coach/assignments/{id}")
  @Status(HttpStatus.NO_CONTENT)
  public void withdraw(UUID id, Caller caller) {
    assignments.withdraw(requireStaff(caller), id);
  }

  @Operation(summary = "The assignments of your cohorts, soonest due first, with where you stand")
  @Get("/api/assignments")
  public List<CandidateAssignment> mine(Caller caller) {
    return assignments.ofMember(caller.id());
  }
}

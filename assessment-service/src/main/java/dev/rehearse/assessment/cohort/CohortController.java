package dev.rehearse.assessment.cohort;

import static dev.rehearse.assessment.cohort.CohortAccess.requireStaff;

import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.identity.Role;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * Cohorts: a coach creates one and hands out its join code; a candidate joins with the code and
 * from then on that coach sees their attempts and progress. Either side can end it.
 */
@Controller
public class CohortController {
  private final Cohorts cohorts;

  public CohortController(Cohorts cohorts) {
    this.cohorts = cohorts;
  }

  @Operation(summary = "Create a cohort; the answer carries the join code to give candidates")
  @Post("/api/coach/cohorts")
  public HttpResponse<CohortView> create(Caller caller, @Body @Valid NewCohort cohort) {
    return HttpResponse.created(cohorts.create(requireStaff(caller), cohort.name()));
  }

  @Operation(summary = "The caller's cohorts with their join codes and member counts")
  @Get("/api/coach/cohorts")
  public List<CohortView> mine(Caller caller) {
    return cohorts.of(requireStaff(caller));
  }

  @Operation(summary = "Replace a cohort's join code (members stay; the old code stops working)")
  @Post("/api/coach/cohorts/{id}/join-code")
  public CohortView newCode(UUID id, Caller caller) {
    return cohorts.newCode(requireStaff(caller), id);
  }

  @Operation(
      summary =
          "The cohort's results as CSV: one row per attempt of its members (candidate, question,"
              + " skill, machine and reviewed score, date)")
  @Get(value = "/api/coach/cohorts/{id}/results.csv", produces = "text/csv")
  public HttpResponse<String> results(UUID id, Caller caller) {
    Cohort cohort = cohorts.readable(requireStaff(caller), id);
    return HttpResponse.ok(ResultsCsv.of(cohorts.resultsOf(cohort)))
        .contentType(new MediaType("text/csv; charset=utf-8"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"cohort-" + cohort.id() + "-results.csv\"");
  }

  @Operation(summary = "Take a candidate out of one of the caller's cohorts")
  @Delete("/api/coach/cohorts/{id}/members/{candidateId}")
  @Status(HttpStatus.NO_CONTENT)
  public void remove(UUID id, @Size(max = 100) String candidateId, Caller caller) {
    cohorts.remove(requireStaff(caller), id, candidateId);
  }

  @Operation(summary = "The coach's candidates (an admin's: everyone), newest activity first")
  @Get("/api/coach/candidates")
  public List<CandidateSummary> candidates(Caller caller) {
    return cohorts.candidatesOf(requireStaff(caller));
  }

  @Operation(summary = "Join a coach's cohort with the code they gave you")
  @Post("/api/cohort-memberships")
  public HttpResponse<Membership> join(Caller caller, @Body @Valid JoinRequest request) {
    if (!caller.is(Role.CANDIDATE)) {
      throw ProblemException.forbidden("only candidates join cohorts: coaches create them");
    }
    return HttpResponse.created(
        cohorts.join(caller.id(), caller.displayName(), request.joinCode()));
  }

  @Operation(summary = "The cohorts the caller belongs to")
  @Get("/api/cohort-memberships")
  public List<Membership> memberships(Caller caller) {
    return cohorts.membershipsOf(caller.id());
  }

  @Operation(summary = "Leave a cohort: its coach no longer sees your work")
  @Delete("/api/cohort-memberships/{cohortId}")
  @Status(HttpStatus.NO_CONTENT)
  public void leave(UUID cohortId, Caller caller) {
    cohorts.leave(caller.id(), cohortId);
  }
}

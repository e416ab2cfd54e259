package dev.rehearse.assessment.cohort;

import dev.rehearse.assessment.access.Identity;
import dev.rehearse.assessment.access.Staff;
import dev.rehearse.platform.identity.IdentityHeaders;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.annotation.Status;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
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
  public HttpResponse<CohortView> create(
      @Nullable @Header(Identity.CANDIDATE) String subject,
      @Nullable @Header(Identity.ROLE) String role,
      @Body @Valid NewCohort cohort) {
    return HttpResponse.created(cohorts.create(Identity.coach(subject, role), cohort.name()));
  }

  @Operation(summary = "The caller's cohorts with their join codes and member counts")
  @Get("/api/coach/cohorts")
  public List<CohortView> mine(
      @Nullable @Header(Identity.CANDIDATE) String subject,
      @Nullable @Header(Identity.ROLE) String role) {
    return cohorts.of(Identity.coach(subject, role));
  }

  @Operation(summary = "Replace a cohort's join code (members stay; the old code stops working)")
  @Post("/api/coach/cohorts/{id}/join-code")
  public CohortView newCode(
      UUID id,
      @Nullable @Header(Identity.CANDIDATE) String subject,
      @Nullable @Header(Identity.ROLE) String role) {
    return cohorts.newCode(Identity.coach(subject, role), id);
  }

  @Operation(summary = "Take a candidate out of one of the caller's cohorts")
  @Delete("/api/coach/cohorts/{id}/members/{candidateId}")
  @Status(HttpStatus.NO_CONTENT)
  public void remove(
      UUID id,
      @Size(max = 100) String candidateId,
      @Nullable @Header(Identity.CANDIDATE) String subject,
      @Nullable @Header(Identity.ROLE) String role) {
    cohorts.remove(Identity.coach(subject, role), id, candidateId);
  }

  @Operation(summary = "The coach's candidates (an admin's: everyone), newest activity first")
  @Get("/api/coach/candidates")
  public List<CandidateSummary> candidates(
      @Nullable @Header(Identity.CANDIDATE) String subject,
      @Nullable @Header(Identity.ROLE) String role) {
    Staff staff = Identity.coach(subject, role);
    return cohorts.candidatesOf(staff);
  }

  @Operation(summary = "Join a coach's cohort with the code they gave you")
  @Post("/api/cohort-memberships")
  public HttpResponse<Membership> join(
      @Header(Identity.CANDIDATE) @NotBlank @Size(max = 100) String candidateId,
      @Nullable @Header(Identity.ROLE) String role,
      @Nullable @RequestAttribute(IdentityHeaders.NAME_ATTRIBUTE) String name,
      @Body @Valid JoinRequest request) {
    Identity.requireRole(role, Set.of("CANDIDATE"));
    return HttpResponse.created(cohorts.join(candidateId, name, request.joinCode()));
  }

  @Operation(summary = "The cohorts the caller belongs to")
  @Get("/api/cohort-memberships")
  public List<Membership> memberships(
      @Header(Identity.CANDIDATE) @NotBlank @Size(max = 100) String candidateId) {
    return cohorts.membershipsOf(candidateId);
  }

  @Operation(summary = "Leave a cohort: its coach no longer sees your work")
  @Delete("/api/cohort-memberships/{cohortId}")
  @Status(HttpStatus.NO_CONTENT)
  public void leave(
      UUID cohortId, @Header(Identity.CANDIDATE) @NotBlank @Size(max = 100) String candidateId) {
    cohorts.leave(candidateId, cohortId);
  }
}

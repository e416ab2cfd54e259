package dev.rehearse.assessment.session;

import dev.rehearse.assessment.cohort.CohortAccess;
import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Mock interview sessions. The candidate runs their own; their coaches and admins may read a
 * session and its report. Anyone else gets a 404.
 */
@Controller("/api/sessions")
public class SessionController {
  private final Sessions sessions;
  private final SessionReports reports;
  private final CohortAccess access;

  public SessionController(Sessions sessions, SessionReports reports, CohortAccess access) {
    this.sessions = sessions;
    this.reports = reports;
    this.access = access;
  }

  @Operation(
      summary =
          "Start a mock interview for a role: questions chosen weak sub-skills and unseen questions first, or the named questionIds")
  @Post
  public HttpResponse<SessionView> create(Caller caller, @Body @Valid NewSession request) {
    SessionView view = sessions.create(caller, request);
    return HttpResponse.created(view, URI.create("/api/sessions/" + view.id()));
  }

  @Operation(
      summary =
          "My mock interview sessions, newest first; with ?candidateId=, a candidate's (their coaches and admins)")
  @Get
  public List<SessionSummary> list(
      Caller caller, @Nullable @QueryValue @Size(max = 100) String candidateId) {
    String candidate = candidateId == null ? caller.id() : candidateId;
    if (!access.mayRead(caller, candidate)) {
      throw ProblemException.notFound(
          "candidateId", "no candidate " + candidateId + " in your cohorts");
    }
    return sessions.of(candidate);
  }

  @Operation(
      summary =
          "A session as it stands: status, each question's status, the current question's phase and seconds left")
  @Get("/{id}")
  public SessionView get(UUID id, Caller caller) {
    return sessions.get(caller, id);
  }

  @Operation(summary = "Start a question's thinking time (again: no change)")
  @Post("/{id}/questions/{questionId}/start")
  public SessionView start(UUID id, @Size(max = 100) String questionId, Caller caller) {
    return sessions.start(caller, id, questionId);
  }

  @Operation(summary = "Skip a question; the session completes when none is left")
  @Post("/{id}/questions/{questionId}/skip")
  public SessionView skip(UUID id, @Size(max = 100) String questionId, Caller caller) {
    return sessions.skip(caller, id, questionId);
  }

  @Operation(summary = "Pause a session: its clock stops")
  @Post("/{id}/pause")
  public SessionView pause(UUID id, Caller caller) {
    return sessions.pause(caller, id);
  }

  @Operation(summary = "Resume a paused session with the time it had left")
  @Post("/{id}/resume")
  public SessionView resume(UUID id, Caller caller) {
    return sessions.resume(caller, id);
  }

  @Operation(
      summary =
          "A session's report: scores and feedback, per sub-skill summary, strengths, what to work on, delivery, change since the previous session")
  @Get("/{id}/report")
  public SessionReport report(UUID id, Caller caller) {
    return reports.of(sessions.readable(caller, id));
  }
}

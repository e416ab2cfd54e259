package dev.rehearse.assessment.session;

import dev.rehearse.assessment.catalog.CatalogQuestion;
import dev.rehearse.assessment.cohort.CohortAccess;
import dev.rehearse.assessment.scoring.Attempt;
import dev.rehearse.assessment.scoring.AttemptRepository;
import dev.rehearse.assessment.session.MockSession.Status;
import dev.rehearse.assessment.session.SessionView.Clock;
import dev.rehearse.assessment.session.SessionView.Phase;
import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/** Starting, running and reading mock interview sessions; only their candidate runs them. */
@Singleton
public class Sessions {
  private final MockSessionRepository sessions;
  private final SessionQuestionRepository questions;
  private final QuestionChooser chooser;
  private final SessionCompletion completion;
  private final AttemptRepository attempts;
  private final CohortAccess access;

  public Sessions(
      MockSessionRepository sessions,
      SessionQuestionRepository questions,
      QuestionChooser chooser,
      SessionCompletion completion,
      AttemptRepository attempts,
      CohortAccess access) {
    this.sessions = sessions;
    this.questions = questions;
    this.chooser = chooser;
    this.completion = completion;
    this.attempts = attempts;
    this.access = access;
  }

  @Transactional
  public SessionView create(Caller caller, NewSession request) {
    List<CatalogQuestion> chosen = chooser.choose(caller, request);
    MockSession session =
        sessions.save(
            new MockSession(
                UUID.randomUUID(),
                caller.id(),
                request.roleId(),
                Status.OPEN,
                request.thinking(),
                request.answer(),
                request.assignmentId(),
                null,
                now(),
                null));
    for (int i = 0; i < chosen.size(); i++) {
      CatalogQuestion q = chosen.get(i);
      questions.save(
          new SessionQuestion(
              UUID.randomUUID(),
              session.id(),
              i + 1,
              q.questionId(),
              q.type(),
              q.skillId(),
              q.text(),
              SessionQuestion.Status.PENDING,
              null,
              null));
    }
    return view(session);
  }

  /** A candidate's sessions, newest first; the caller's right to read them is checked before. */
  public List<SessionSummary> of(String candidateId) {
    return sessions.findByCandidateIdOrderByCreatedAtDesc(candidateId).stream()
        .map(
            s -> {
              List<SessionQuestion> qs = questions.findBySessionIdOrderByPosition(s.id());
              return new SessionSummary(
                  s.id(),
                  s.roleId(),
                  s.status(),
                  qs.size(),
                  count(qs, SessionQuestion.Status.ANSWERED),
                  count(qs, SessionQuestion.Status.SKIPPED),
                  SessionCompletion.average(scores(qs).values()),
                  s.assignmentId(),
                  s.createdAt(),
                  s.completedAt());
            })
        .toList();
  }

  /** The candidate, their coaches and admins may read a session; anyone else gets a 404. */
  public MockSession readable(Caller caller, UUID id) {
    return sessions
        .findById(id)
        .filter(s -> access.mayRead(caller, s.candidateId()))
        .orElseThrow(() -> missing(id));
  }

  public SessionView get(Caller caller, UUID id) {
    return view(readable(caller, id));
  }

  /** Starts a question's thinking time; starting it again changes nothing (a reload may). */
  @Transactional
  public SessionView start(Caller caller, UUID id, String questionId) {
    MockSession session = running(caller, id);
    SessionQuestion q = pending(session, questionId);
    if (q.startedAt() == null) {
      questions.update(q.with(q.status(), now(), null));
    }
    return view(session);
  }

  @Transactional
  public SessionView skip(Caller caller, UUID id, String questionId) {
    MockSession session = running(caller, id);
    SessionQuestion q = pending(session, questionId);
    questions.update(q.with(SessionQuestion.Status.SKIPPED, q.startedAt(), null));
    return view(completion.completeIfDone(session));
  }

  /** Stops the clock; pausing a paused session changes nothing. */
  @Transactional
  public SessionView pause(Caller caller, UUID id) {
    MockSession session = unfinished(caller, id);
    if (session.status() == Status.OPEN) {
      session = sessions.update(session.with(Status.PAUSED, now(), null));
    }
    return view(session);
  }

  /** Starts the clock again: started questions get the paused time back. */
  @Transactional
  public SessionView resume(Caller caller, UUID id) {
    MockSession session = unfinished(caller, id);
    if (session.status() == Status.PAUSED) {
      Duration paused = Duration.between(session.pausedAt(), now());
      for (SessionQuestion q : questions.findBySessionIdOrderByPosition(id)) {
        if (!q.done() && q.startedAt() != null) {
          questions.update(q.with(q.status(), q.startedAt().plus(paused), null));
        }
      }
      session = sessions.update(session.with(Status.OPEN, null, null));
    }
    return view(session);
  }

  SessionView view(MockSession s) {
    List<SessionQuestion> qs = questions.findBySessionIdOrderByPosition(s.id());
    Map<UUID, Integer> scores = scores(qs);
    return new SessionView(
        s.id(),
        s.candidateId(),
        s.roleId(),
        s.status(),
        s.thinkingSeconds(),
        s.answerSeconds(),
        s.assignmentId(),
        s.createdAt(),
        s.completedAt(),
        count(qs, SessionQuestion.Status.ANSWERED),
        count(qs, SessionQuestion.Status.SKIPPED),
        clock(s, qs),
        qs.stream()
            .map(
                q ->
                    new SessionView.Question(
                        q.questionId(),
                        q.text(),
                        q.type(),
                        q.skillId(),
                        q.position(),
                        q.status(),
                        q.attemptId(),
                        q.attemptId() == null ? null : scores.get(q.attemptId()),
                        q.startedAt()))
            .toList());
  }

  /**
   * The question in progress (the last one started and unfinished, else the first unfinished), on
   * the session's clock: stopped at the pause while PAUSED.
   */
  private static Clock clock(MockSession s, List<SessionQuestion> qs) {
    List<SessionQuestion> open = qs.stream().filter(q -> !q.done()).toList();
    if (open.isEmpty() || s.status() == Status.COMPLETED) {
      return null;
    }
    SessionQuestion q =
        open.stream()
            .filter(o -> o.startedAt() != null)
            .max(Comparator.comparing(SessionQuestion::startedAt))
            .orElse(open.get(0));
    if (q.startedAt() == null) {
      return new Clock(q.questionId(), q.position(), Phase.NOT_STARTED, s.thinkingSeconds());
    }
    Instant at = s.status() == Status.PAUSED ? s.pausedAt() : Instant.now();
    long elapsed = Duration.between(q.startedAt(), at).toMillis();
    long thinking = s.thinkingSeconds() * 1000L;
    long answer = s.answerSeconds() * 1000L;
    if (elapsed < thinking) {
      return new Clock(q.questionId(), q.position(), Phase.THINKING, seconds(thinking - elapsed));
    }
    if (elapsed < thinking + answer) {
      return new Clock(
          q.questionId(), q.position(), Phase.ANSWERING, seconds(thinking + answer - elapsed));
    }
    return new Clock(q.questionId(), q.position(), Phase.OVERTIME, 0);
  }

  private MockSession owned(Caller caller, UUID id) {
    return sessions
        .lockById(id)
        .filter(s -> s.candidateId().equals(caller.id()))
        .orElseThrow(() -> missing(id));
  }

  /** The caller's session, not yet completed. */
  private MockSession unfinished(Caller caller, UUID id) {
    MockSession session = owned(caller, id);
    if (session.status() == Status.COMPLETED) {
      throw ProblemException.badRequest("id", "this session is already completed");
    }
    return session;
  }

  /** The caller's session, neither paused nor completed. */
  private MockSession running(Caller caller, UUID id) {
    MockSession session = owned(caller, id);
    if (session.status() != Status.OPEN) {
      throw ProblemException.badRequest(
          "id", "this session is " + session.status().name().toLowerCase());
    }
    return session;
  }

  private SessionQuestion pending(MockSession session, String questionId) {
    SessionQuestion q =
        questions.findBySessionIdOrderByPosition(session.id()).stream()
            .filter(o -> o.questionId().equals(questionId))
            .findFirst()
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "questionId",
                        "session " + session.id() + " has no question " + questionId));
    if (q.done()) {
      throw ProblemException.badRequest(
          "questionId",
          "question " + questionId + " is already " + q.status().name().toLowerCase());
    }
    return q;
  }

  /** Effective scores of the questions' attempts, by attempt id. */
  private Map<UUID, Integer> scores(List<SessionQuestion> qs) {
    List<UUID> ids = qs.stream().map(SessionQuestion::attemptId).filter(Objects::nonNull).toList();
    return ids.isEmpty()
        ? Map.of()
        : attempts.findByIdIn(ids).stream()
            .collect(Collectors.toMap(Attempt::id, Attempt::effectiveScore, (a, b) -> a));
  }

  private static int count(List<SessionQuestion> qs, SessionQuestion.Status status) {
    return (int) qs.stream().filter(q -> q.status() == status).count();
  }

  private static long seconds(long millis) {
    return (millis + 999) / 1000;
  }

  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  static ProblemException missing(UUID id) {
    return ProblemException.notFound("id", "no session with id " + id);
  }
}

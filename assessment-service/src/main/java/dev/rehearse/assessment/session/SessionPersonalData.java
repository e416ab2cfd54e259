package dev.rehearse.assessment.session;

import dev.rehearse.platform.personal.PersonalData;
import jakarta.inject.Singleton;
import java.util.List;

/** A candidate's mock interview sessions, each with its questions' state. */
@Singleton
public class SessionPersonalData implements PersonalData {
  private final MockSessionRepository sessions;
  private final SessionQuestionRepository questions;
  private final Sessions views;

  public SessionPersonalData(
      MockSessionRepository sessions, SessionQuestionRepository questions, Sessions views) {
    this.sessions = sessions;
    this.questions = questions;
    this.views = views;
  }

  @Override
  public String section() {
    return "sessions";
  }

  @Override
  public List<SessionView> export(String accountId) {
    return sessions.findByCandidateIdOrderByCreatedAtDesc(accountId).stream()
        .map(views::view)
        .toList();
  }

  @Override
  public void erase(String accountId) {
    questions.deleteOfCandidate(accountId);
    sessions.deleteByCandidateId(accountId);
  }
}

package dev.rehearse.assessment.coachquestion;

import dev.rehearse.assessment.cohort.Cohorts;
import dev.rehearse.assessment.meaning.QuestionVectors;
import dev.rehearse.assessment.scoring.RubricScorer;
import dev.rehearse.contracts.QuestionPublished.RubricConcept;
import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Coaches write, change and delete their own questions; members of the cohorts a question is shared
 * with read it without its answer key. The scorer's vectors are computed on each save, as the
 * catalog listener does for pack questions.
 */
@Singleton
public class CoachQuestions {
  static final String DEFAULT_LEVEL = "Intermediate";
  private final CoachQuestionRepository questions;
  private final CoachQuestionAccess access;
  private final Cohorts cohorts;
  private final RubricScorer scorer;
  private final QuestionVectors vectors;

  public CoachQuestions(
      CoachQuestionRepository questions,
      CoachQuestionAccess access,
      Cohorts cohorts,
      RubricScorer scorer,
      QuestionVectors vectors) {
    this.questions = questions;
    this.access = access;
    this.cohorts = cohorts;
    this.scorer = scorer;
    this.vectors = vectors;
  }

  @Transactional
  public CoachQuestionView create(Caller coach, QuestionDraft draft) {
    CoachQuestion q =
        questions.save(row(coach, CoachQuestion.ID_PREFIX + UUID.randomUUID(), draft));
    scorer.prepare(q.asCatalogQuestion());
    return CoachQuestionView.of(q);
  }

  @Transactional
  public CoachQuestionView update(Caller coach, String id, QuestionDraft draft) {
    owned(coach, id);
    CoachQuestion q = questions.update(row(coach, id, draft));
    scorer.prepare(q.asCatalogQuestion());
    return CoachQuestionView.of(q);
  }

  /** Attempts at it stay with their candidates (they keep their skill and score). */
  @Transactional
  public void delete(Caller coach, String id) {
    questions.delete(owned(coach, id));
    vectors.forget(id);
  }

  /** A coach's own questions; an admin's: every coach's. */
  public List<CoachQuestionView> of(Caller staff) {
    return (staff.isAdmin()
            ? questions.everyCoachs()
            : questions.findByOwnerIdOrderByUpdatedAtDesc(staff.id()))
        .stream().map(CoachQuestionView::of).toList();
  }

  public List<CohortQuestionView> sharedWith(Caller caller) {
    return questions.sharedWith(caller.id()).stream().map(CohortQuestionView::of).toList();
  }

  public CohortQuestionView one(Caller caller, String id) {
    return questions
        .findById(id)
        .filter(q -> q.ownerId() != null && access.canSee(caller, id))
        .map(CohortQuestionView::of)
        .orElseThrow(() -> notFound(id));
  }

  /** Everything one account wrote, for its data export and erasure. */
  List<CoachQuestion> writtenBy(String accountId) {
    return questions.findByOwnerIdOrderByUpdatedAtDesc(accountId);
  }

  void eraseWrittenBy(String accountId) {
    writtenBy(accountId).forEach(q -> vectors.forget(q.questionId()));
    questions.deleteByOwnerId(accountId);
  }

  private CoachQuestion owned(Caller coach, String id) {
    return questions
        .findById(id)
        .filter(q -> coach.id().equals(q.ownerId()))
        .orElseThrow(() -> notFound(id));
  }

  private CoachQuestion row(Caller coach, String id, QuestionDraft draft) {
    List<String> cohortIds =
        draft.cohortIds().stream()
            .distinct()
            .map(c -> cohorts.owned(coach, c, "cohortIds").id().toString())
            .toList();
    if (!questions.skillKnown(draft.skillId())) {
      throw ProblemException.badRequest("skillId", "no skill with id " + draft.skillId());
    }
    return new CoachQuestion(
        id,
        draft.skillId(),
        draft.level() == null ? DEFAULT_LEVEL : draft.level(),
        draft.text().trim(),
        rubric(draft.rubric()),
        List.of(),
        Instant.now().truncatedTo(ChronoUnit.MICROS),
        draft.type().name(),
        List.of(),
        List.of(),
        List.of(),
        draft.modelAnswer().trim(),
        coach.id(),
        cohortIds);
  }

  /** The coach's rubric as the scorer's concepts; none: key points come from the model answer. */
  private static List<RubricConcept> rubric(List<QuestionDraft.RubricItem> items) {
    List<RubricConcept> concepts = new ArrayList<>();
    for (QuestionDraft.RubricItem item :
        items == null ? List.<QuestionDraft.RubricItem>of() : items) {
      concepts.add(
          new RubricConcept(
              "r-" + (concepts.size() + 1),
              item.label().trim(),
              item.weight(),
              item.synonyms() == null ? List.of() : item.synonyms()));
    }
    return concepts;
  }

  private static ProblemException notFound(String id) {
    return ProblemException.notFound("id", "no question " + id + " of yours or your cohorts");
  }
}

package dev.rehearse.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearse.assessment.scoring.PublicGradedSet.Question;
import dev.rehearse.assessment.scoring.PublicGradedSet.StudentAnswer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PublicGradedSetTest {
  /**
   * The mappings the sets' README documents: partial credit is half, every kind of wrong is
   * nothing.
   */
  private static final Map<String, Double> BEETLE_GRADE =
      Map.of(
          "correct",
          1.0,
          "partially_correct_incomplete",
          0.5,
          "contradictory",
          0.0,
          "irrelevant",
          0.0,
          "non_domain",
          0.0);

  /**
   * SciEntsBank has only its 3-way labels here, so "incorrect" also covers partly right answers.
   */
  private static final Map<String, Double> SCIENTSBANK_GRADE =
      Map.of("correct", 1.0, "contradictory", 0.0, "incorrect", 0.0);

  private static final List<Question> BEETLE =
      PublicGradedSet.load("/evaluation/public/beetle.yml");
  private static final List<Question> SCIENTSBANK =
      PublicGradedSet.load("/evaluation/public/scientsbank.yml");

  @Test
  void bothBeetleTestSplitsLoadWhole() {
    assertWhole(BEETLE, 56, 1258);
  }

  @Test
  void bothSciEntsBankTestSplitsLoadWhole() {
    assertWhole(SCIENTSBANK, 150, 1273);
  }

  @Test
  void textsAreTrimmedAndQuestionsDifferFromTheirReferenceAnswers() {
    assertTrimmed(BEETLE);
    assertTrimmed(SCIENTSBANK);
  }

  @Test
  void everyGradeFollowsItsLabel() {
    assertGradesFollow(BEETLE, BEETLE_GRADE);
    assertGradesFollow(SCIENTSBANK, SCIENTSBANK_GRADE);
  }

  @Test
  void gradesAreSpreadEnoughToCorrelateWith() {
    assertSpread(BEETLE, BEETLE_GRADE, 50);
    assertSpread(SCIENTSBANK, SCIENTSBANK_GRADE, 100);
  }

  @Test
  void aMissingSetIsAnError() {
    assertThatThrownBy(() -> PublicGradedSet.load("/evaluation/public/none.yml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("none.yml");
  }

  private static List<StudentAnswer> answers(List<Question> questions) {
    return questions.stream().flatMap(q -> q.answers().stream()).toList();
  }

  private static void assertWhole(List<Question> questions, int questionCount, int answerCount) {
    List<StudentAnswer> answers = answers(questions);
    assertThat(questions).hasSize(questionCount);
    assertThat(answers).hasSize(answerCount);
    assertThat(questions).allSatisfy(q -> assertThat(q.answers()).isNotEmpty());
    assertThat(questions.stream().map(Question::id).distinct()).hasSize(questions.size());
    assertThat(answers.stream().map(StudentAnswer::id).distinct()).hasSize(answers.size());
  }

  private static void assertTrimmed(List<Question> questions) {
    assertThat(questions)
        .allSatisfy(
            q -> {
              assertThat(q.text()).isEqualTo(q.text().strip());
              assertThat(q.referenceAnswer())
                  .isEqualTo(q.referenceAnswer().strip())
                  .isNotEqualTo(q.text());
            });
    assertThat(answers(questions))
        .allSatisfy(a -> assertThat(a.text()).isEqualTo(a.text().strip()));
  }

  private static void assertGradesFollow(List<Question> questions, Map<String, Double> grade) {
    assertThat(answers(questions))
        .allSatisfy(
            a -> {
              assertThat(grade).containsKey(a.label());
              assertThat(a.grade()).as(a.id()).isEqualTo(grade.get(a.label()));
            });
  }

  /** Every grade and label of the mapping occurs, each grade in at least a fifth of the answers. */
  private static void assertSpread(
      List<Question> questions, Map<String, Double> grade, int minMixedQuestions) {
    List<StudentAnswer> answers = answers(questions);
    Map<Double, Long> perGrade =
        answers.stream()
            .collect(Collectors.groupingBy(StudentAnswer::grade, Collectors.counting()));
    assertThat(perGrade.keySet()).isEqualTo(new HashSet<>(grade.values()));
    assertThat(perGrade.values())
        .allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(answers.size() / 5));
    long mixed =
        questions.stream()
            .filter(q -> q.answers().stream().map(StudentAnswer::grade).distinct().count() > 1)
            .count();
    assertThat(mixed).isGreaterThanOrEqualTo(minMixedQuestions);
    Map<String, Long> perLabel =
        answers.stream()
            .collect(Collectors.groupingBy(StudentAnswer::label, Collectors.counting()));
    assertThat(perLabel.keySet()).isEqualTo(grade.keySet());
  }
}

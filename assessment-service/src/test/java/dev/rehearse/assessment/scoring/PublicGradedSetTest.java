package dev.rehearse.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearse.assessment.scoring.PublicGradedSet.Question;
import dev.rehearse.assessment.scoring.PublicGradedSet.StudentAnswer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PublicGradedSetTest {
  private static final String BEETLE = "/evaluation/public/beetle.yml";
  /** The mapping the set's README documents: partial credit is half, every kind of wrong is nothing. */
  private static final Map<String, Double> GRADE = Map.of("correct", 1.0, "partially_correct_incomplete", 0.5,
      "contradictory", 0.0, "irrelevant", 0.0, "non_domain", 0.0);

  private final List<Question> questions = PublicGradedSet.load(BEETLE);
  private final List<StudentAnswer> answers = questions.stream().flatMap(q -> q.answers().stream()).toList();

  @Test
  void bothTestSplitsLoadWhole() {
    assertThat(questions).hasSize(56);
    assertThat(answers).hasSize(1258);
    assertThat(questions).allSatisfy(q -> assertThat(q.answers()).isNotEmpty());
    assertThat(questions.stream().map(Question::id).distinct()).hasSize(questions.size());
    assertThat(answers.stream().map(StudentAnswer::id).distinct()).hasSize(answers.size());
  }

  @Test
  void textsAreTrimmedAndQuestionsDifferFromTheirReferenceAnswers() {
    assertThat(questions).allSatisfy(q -> {
      assertThat(q.text()).isEqualTo(q.text().strip());
      assertThat(q.referenceAnswer()).isEqualTo(q.referenceAnswer().strip()).isNotEqualTo(q.text());
    });
    assertThat(answers).allSatisfy(a -> assertThat(a.text()).isEqualTo(a.text().strip()));
  }

  @Test
  void everyGradeFollowsItsLabel() {
    assertThat(answers).allSatisfy(a -> {
      assertThat(GRADE).containsKey(a.label());
      assertThat(a.grade()).as(a.id()).isEqualTo(GRADE.get(a.label()));
    });
  }

  @Test
  void gradesAreSpreadEnoughToCorrelateWith() {
    Map<Double, Long> perGrade = answers.stream().collect(Collectors.groupingBy(StudentAnswer::grade, Collectors.counting()));
    assertThat(perGrade).containsOnlyKeys(0.0, 0.5, 1.0);
    assertThat(perGrade.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(answers.size() / 5));
    long mixed = questions.stream().filter(q -> q.answers().stream().map(StudentAnswer::grade).distinct().count() > 1).count();
    assertThat(mixed).isGreaterThanOrEqualTo(50);
    Map<String, Long> perLabel = answers.stream().collect(Collectors.groupingBy(StudentAnswer::label, Collectors.counting()));
    assertThat(perLabel).containsOnlyKeys(GRADE.keySet().toArray(String[]::new));
  }

  @Test
  void aMissingSetIsAnError() {
    assertThatThrownBy(() -> PublicGradedSet.load("/evaluation/public/none.yml"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none.yml");
  }
}

package dev.rehearse.assessment.personal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.assessment.AssessmentTestBase;
import dev.rehearse.platform.personal.AccountData;
import dev.rehearse.platform.personal.AccountRows;
import dev.rehearse.testsupport.AccountTraces;
import dev.rehearse.testsupport.GatewayTokens;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every assessment table naming an account is in the export and is erased: attempts, reviews,
 * quizzes, self-assessments, memberships, repetition cards; a deleted coach's cohorts go and their
 * reviews lose their author. Another account's rows stay.
 */
@MicronautTest(transactional = false)
class AssessmentDataTest extends AssessmentTestBase {
  @Inject AccountData data;
  @Inject AccountRows rows;
  @Inject TransactionOperations<Connection> tx;

  @Inject
  @Client("/")
  HttpClient http;

  @Test
  void theExportShowsEveryPartAndErasureLeavesNoTraceOfTheAccountButOthersRowsStay() {
    String a = UUID.randomUUID().toString();
    String b = UUID.randomUUID().toString();
    String coach = UUID.randomUUID().toString();
    UUID cohort = cohort(coach);
    candidate(a, cohort, coach);
    candidate(b, cohort, coach);

    Map<String, Object> export =
        http.toBlocking()
            .retrieve(
                HttpRequest.GET("/api/personal-data")
                    .bearerAuth(GatewayTokens.token(a, "CANDIDATE")),
                Argument.mapOf(String.class, Object.class));
    assertThat(export).containsEntry("service", "assessment-service");
    @SuppressWarnings("unchecked")
    Map<String, Object> sections = (Map<String, Object>) export.get("sections");
    assertThat(sections)
        .containsKeys(
            "attempts",
            "reviews",
            "quiz-submissions",
            "self-assessments",
            "cohorts",
            "repetition-cards");
    assertThat(sections.get("attempts").toString()).contains("answer of " + a);
    assertThat(sections.get("reviews").toString()).contains("comment for " + a);
    assertThat(sections.get("quiz-submissions").toString()).contains("item-" + a);
    assertThat(sections.get("self-assessments").toString()).contains("role-" + a);
    assertThat(sections.get("cohorts").toString()).contains("Name of " + a);
    assertThat(sections.get("repetition-cards").toString()).contains("term-" + a);
    assertThat(export.toString()).doesNotContain(b);
    List<String> before = traces(b);
    assertThat(traces(a)).hasSize(13).isEqualTo(before);

    tx.executeWrite(
        s -> {
          data.erase(a);
          return null;
        });
    assertThat(traces(a)).isEmpty();
    assertThat(traces(b)).isEqualTo(before);
    tx.executeWrite(
        s -> {
          data.erase(a); // again: harmless
          return null;
        });

    tx.executeWrite(
        s -> {
          data.erase(coach);
          return null;
        });
    assertThat(traces(coach)).isEmpty();
    assertThat(count("SELECT count(*) FROM cohort_member WHERE candidate_id = ?", b)).isZero();
    assertThat(count("SELECT count(*) FROM attempt_review WHERE candidate_id = ?", b))
        .as("reviews of b's attempts stay, without their author")
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM attempt_review WHERE coach_id IS NULL AND candidate_id = ?",
                b))
        .isPositive();
  }

  private UUID cohort(String coach) {
    UUID id = UUID.randomUUID();
    write(
        "INSERT INTO cohort (id, coach_id, name, join_code, created_at) VALUES (?, ?, 'c', ?, now())",
        id,
        coach,
        id.toString().substring(0, 12));
    return id;
  }

  /** A row in every table naming an account: 13 columns in all name it. */
  private void candidate(String id, UUID cohort, String coach) {
    UUID attempt = UUID.randomUUID();
    write(
        "INSERT INTO attempt (id, candidate_id, question_id, mode, answer_text, score, band,"
            + " concepts_hit, concepts_missed, red_flags, feedback, created_at)"
            + " VALUES (?, ?, 'q', 'TYPED', ?, 50, 'FAIR', '[]', '[]', '[]', '[]', now())",
        attempt,
        id,
        "answer of " + id);
    write(
        "INSERT INTO attempt_review (id, attempt_id, candidate_id, coach_id, machine_score,"
            + " previous_score, override_score, comment, created_at)"
            + " VALUES (?, ?, ?, ?, 50, 50, 60, ?, now())",
        UUID.randomUUID(),
        attempt,
        id,
        coach,
        "comment for " + id);
    UUID submission = UUID.randomUUID();
    write(
        "INSERT INTO quiz_submission (id, candidate_id, correct, total, created_at)"
            + " VALUES (?, ?, 1, 1, now())",
        submission,
        id);
    write(
        "INSERT INTO quiz_response (id, submission_id, candidate_id, item_id, skill_id, level,"
            + " option_id, correct, created_at) VALUES (?, ?, ?, ?, 's', 'JUNIOR', 'a', true, now())",
        UUID.randomUUID(),
        submission,
        id,
        "item-" + id);
    write(
        "INSERT INTO self_assessment (id, candidate_id, role_id, ratings, result, created_at)"
            + " VALUES (?, ?, ?, '[]', '{}', now())",
        UUID.randomUUID(),
        id,
        "role-" + id);
    write(
        "INSERT INTO cohort_member (id, cohort_id, candidate_id, display_name, joined_at)"
            + " VALUES (?, ?, ?, ?, now())",
        UUID.randomUUID(),
        cohort,
        id,
        "Name of " + id);
    write(
        "INSERT INTO repetition_card (id, candidate_id, kind, item_ref, label, state, due,"
            + " created_at) VALUES (?, ?, 'PRONUNCIATION', ?, 'a term', 'NEW', now(), now())",
        UUID.randomUUID(),
        id,
        "term-" + id);
  }

  private List<String> traces(String id) {
    return tx.executeRead(s -> AccountTraces.find(s.getConnection(), "assessment", id));
  }

  private long count(String sql, String param) {
    return tx.executeRead(s -> (Long) rows.list(sql, param).get(0).get("count"));
  }

  private void write(String sql, Object... params) {
    tx.executeWrite(s -> rows.update(sql, params));
  }
}

package dev.rehearse.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A candidate with data in every service (typed and spoken attempts, the audio kept, a
 * pronunciation drill, a quiz, a self-assessment, a cohort membership, live events) exports it all,
 * then deletes the account: soon no column of any table of any schema holds the account id (found
 * through information_schema, so tables added later are searched too), the kept audio is gone, and
 * the event replayed erases nothing more and breaks nothing.
 */
@Order(3)
class AccountDeletionIT {
  private static final String QUESTION = "open-serving-rollout";
  private static final String ROLE = "ml-infrastructure-engineer";
  private static final Path AUDIO = Suite.root().resolve("speech-service/src/test/resources/audio");
  private static final String PASSWORD = "a long enough password";
  private static final List<String> SCHEMAS =
      List.of("question", "assessment", "speech", "gateway");

  @Test
  void anExportedThenDeletedAccountLeavesNoTraceInAnySchema() throws Exception {
    RunningSuite suite = RunningSuite.get();
    Gateway anonymous = new Gateway(suite.gateway(), Gateway.Identity.ANONYMOUS);
    String run = UUID.randomUUID().toString().substring(0, 8);
    String email = "leaving-" + run + "@example.com";
    JsonNode signedIn = register(anonymous, email, "Leaving " + run);
    String id = signedIn.path("user").path("id").asText();
    Gateway me = anonymous.as(Gateway.Identity.bearer(signedIn.path("accessToken").asText()));
    Gateway admin = signIn(anonymous, RunningSuite.adminEmail(), RunningSuite.adminPassword());

    String marker = "farewell-" + run;
    String typed =
        Json.read(
                await()
                    .atMost(Duration.ofSeconds(60))
                    .until(
                        () ->
                            me.postAnswer(
                                QUESTION,
                                "I would roll out as a " + marker + " canary and watch errors."),
                        r -> r.statusCode() == 201)
                    .body())
            .path("id")
            .asText();
    String spoken =
        Json.read(
                expect(
                    me.postWav(
                        "/api/spoken-attempts?questionId=" + QUESTION,
                        Files.readAllBytes(AUDIO.resolve("answers/serving-rollout.wav"))),
                    202))
            .path("id")
            .asText();
    expect(
        me.postWav(
            "/api/pronunciation-attempts?term=NCCL",
            Files.readAllBytes(AUDIO.resolve("drills/nccl/good-1.wav"))),
        200);
    String quizItem =
        Json.read(expect(me.get("/api/questions?type=QUIZ&size=1"), 200))
            .path("items")
            .path(0)
            .path("id")
            .asText();
    String option =
        Json.read(expect(me.get("/api/questions/" + quizItem), 200))
            .path("content")
            .path("options")
            .path(0)
            .path("id")
            .asText();
    expect(
        me.postJson(
            "/api/quiz-submissions",
            Json.write(
                Map.of(
                    "itemIds",
                    List.of(quizItem),
                    "answers",
                    List.of(Map.of("itemId", quizItem, "optionId", option))))),
        201);
    JsonNode selfCheck =
        Json.read(expect(me.get("/api/questions?type=SELF_CHECK&size=1"), 200))
            .path("items")
            .path(0);
    expect(
        me.postJson(
            "/api/self-assessments",
            Json.write(
                Map.of(
                    "roleId",
                    selfCheck.path("roles").path(0).asText(),
                    "ratings",
                    List.of(Map.of("itemId", selfCheck.path("id").asText(), "rating", 3))))),
        201);
    Gateway coach = coach(admin, anonymous, run);
    JsonNode cohort =
        Json.read(
            expect(
                coach.postJson("/api/coach/cohorts", Json.write(Map.of("name", "Cohort " + run))),
                201));
    String joinCode = cohort.path("joinCode").asText();
    expect(me.postJson("/api/cohort-memberships", Json.write(Map.of("joinCode", joinCode))), 201);

    // the coach reviews the typed answer and sets a one-question mock interview, which the
    // candidate starts and completes by skipping it
    expect(
        coach.postJson(
            "/api/attempts/" + typed + "/reviews",
            Json.write(Map.of("overrideScore", 40, "reason", "Too short for a rollout plan"))),
        201);
    String assignment =
        Json.read(
                expect(
                    coach.postJson(
                        "/api/coach/cohorts/" + cohort.path("id").asText() + "/assignments",
                        Json.write(
                            Map.of(
                                "title",
                                "Leaving drill",
                                "kind",
                                "SESSION",
                                "roleId",
                                ROLE,
                                "questionCount",
                                1,
                                "dueAt",
                                Instant.now().plus(Duration.ofDays(2)).toString()))),
                    201))
            .path("id")
            .asText();
    JsonNode session =
        Json.read(
            expect(
                me.postJson(
                    "/api/sessions",
                    Json.write(
                        Map.of("roleId", ROLE, "questionCount", 1, "assignmentId", assignment))),
                201));
    expect(
        me.postJson(
            "/api/sessions/"
                + session.path("id").asText()
                + "/questions/"
                + session.path("questions").path(0).path("id").asText()
                + "/skip",
            ""),
        200);

    try (Connection db = suite.database()) {
      // the spoken answer scored, the audio kept, live events and practice state written
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  Json.read(me.get("/api/attempts/" + spoken).body()).path("machineScore").isInt()
                      && RunningSuite.count(
                              db,
                              "SELECT count(*) FROM speech.spoken_audio WHERE attempt_id = ?::uuid",
                              spoken)
                          == 1
                      && RunningSuite.count(
                              db,
                              "SELECT count(*) FROM gateway.live_event WHERE candidate_id = ?",
                              id)
                          >= 2
                      && RunningSuite.count(
                              db,
                              "SELECT count(*) FROM question.skill_progress WHERE candidate_id = ?",
                              id)
                          >= 1
                      && RunningSuite.count(
                              db,
                              "SELECT count(*) FROM assessment.assignment_completion"
                                  + " WHERE candidate_id = ?",
                              id)
                          == 1);

      HttpResponse<String> exported = me.get("/api/me/export");
      assertThat(exported.statusCode()).as(exported.body()).isEqualTo(200);
      assertThat(exported.headers().firstValue("Content-Disposition").orElse(""))
          .startsWith("attachment");
      JsonNode services = Json.read(exported.body()).path("services");
      assertThat(services.path("gateway").path("account").toString()).contains(email);
      assertThat(services.path("gateway").path("live-events").size()).isPositive();
      assertThat(services.path("assessment").path("attempts").toString()).contains(marker);
      assertThat(services.path("assessment").path("quiz-submissions").toString())
          .contains(quizItem);
      assertThat(services.path("assessment").path("self-assessments").size()).isPositive();
      assertThat(services.path("assessment").path("cohorts").toString()).contains("Cohort " + run);
      assertThat(services.path("assessment").path("sessions").size()).isPositive();
      assertThat(services.path("assessment").path("reviews").toString())
          .contains("Too short for a rollout plan");
      assertThat(services.path("assessment").path("assignments").toString()).contains(assignment);
      assertThat(services.path("speech").path("spoken-attempts").toString()).contains(spoken);
      assertThat(services.path("speech").path("pronunciation-attempts").size()).isPositive();
      assertThat(services.path("question").path("practice").path("skillProgress").size())
          .isPositive();
      assertThat(traces(db, id)).isNotEmpty();

      HttpResponse<String> wrong =
          me.exchangeWith("DELETE", "/api/me", Map.of("X-Confirm-Password", "not it"));
      assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(403);
      HttpResponse<String> deleted =
          me.exchangeWith("DELETE", "/api/me", Map.of("X-Confirm-Password", PASSWORD));
      assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
      assertThat(me.get("/api/auth/me").statusCode()).isEqualTo(401);

      long start = System.nanoTime();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> assertThat(traces(db, id)).as("columns still naming " + id).isEmpty());
      System.out.printf(
          "account erased from every schema in %d ms%n", (System.nanoTime() - start) / 1_000_000);
      assertThat(
              RunningSuite.count(
                  db,
                  "SELECT count(*) FROM speech.spoken_audio WHERE attempt_id = ?::uuid",
                  spoken))
          .as("the kept audio")
          .isZero();

      // the event again, as a redelivery would bring it: nothing left to erase, nothing breaks
      replay(suite, id);
      HttpResponse<String> health = anonymous.get("/health");
      assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
      assertThat(traces(db, id)).isEmpty();
    }
  }

  /** Every text, character, uuid and JSON column of every table of every service schema. */
  private static List<String> traces(Connection db, String id) throws SQLException {
    List<String> found = new ArrayList<>();
    List<String[]> columns = new ArrayList<>();
    try (PreparedStatement s =
        db.prepareStatement(
            "SELECT c.table_schema, c.table_name, c.column_name FROM information_schema.columns c"
                + " JOIN information_schema.tables t ON t.table_schema = c.table_schema"
                + " AND t.table_name = c.table_name"
                + " WHERE c.table_schema = ANY (?) AND t.table_type = 'BASE TABLE'"
                + " AND c.data_type IN ('text', 'character varying', 'character', 'uuid', 'json', 'jsonb')")) {
      s.setArray(1, db.createArrayOf("text", SCHEMAS.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        }
      }
    }
    assertThat(columns.stream().map(c -> c[0]).distinct()).hasSameElementsAs(SCHEMAS);
    for (String[] c : columns) {
      String sql =
          "SELECT count(*) FROM \"%s\".\"%s\" WHERE strpos(\"%s\"::text, ?) > 0"
              .formatted(c[0], c[1], c[2]);
      if (RunningSuite.count(db, sql, id) > 0) {
        found.add(c[0] + "." + c[1] + "." + c[2]);
      }
    }
    return found;
  }

  /** Sends AccountDeleted again as the gateway's principal (the only one allowed to). */
  private static void replay(RunningSuite suite, String id) throws Exception {
    String event =
        Json.write(
            Map.of(
                "eventId",
                UUID.randomUUID().toString(),
                "schemaVersion",
                1,
                "occurredAt",
                java.time.Instant.now().toString(),
                "accountId",
                id));
    try (KafkaProducer<String, String> producer = suite.producerAs("gateway")) {
      producer.send(new ProducerRecord<>("rehearse.gateway.account-deleted", id, event)).get();
    }
  }

  private static Gateway signIn(Gateway anonymous, String email, String password) {
    JsonNode body =
        Json.read(
            expect(
                anonymous.postJson(
                    "/api/auth/login", Json.write(Map.of("email", email, "password", password))),
                200));
    return anonymous.as(Gateway.Identity.bearer(body.path("accessToken").asText()));
  }

  private static JsonNode register(Gateway anonymous, String email, String name) {
    return Json.read(
        expect(
            anonymous.postJson(
                "/api/auth/register",
                Json.write(Map.of("email", email, "password", PASSWORD, "displayName", name))),
            201));
  }

  private static Gateway coach(Gateway admin, Gateway anonymous, String run) {
    String email = "coach-" + run + "@example.com";
    String coachId = register(anonymous, email, "Coach " + run).path("user").path("id").asText();
    expect(
        admin.exchange(
            "PUT",
            "/api/auth/users/" + coachId + "/role",
            "application/json",
            Json.write(Map.of("role", "COACH")).getBytes(StandardCharsets.UTF_8)),
        200);
    return signIn(anonymous, email, PASSWORD);
  }

  private static String expect(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return response.body();
  }
}

package dev.rehearse.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.yaml.snakeyaml.Yaml;

/**
 * Object-level authorisation through the real gateway in front of the real services: candidate A
 * owns attempts (typed, spoken, pronunciation), a self-assessment, a quiz and cohort memberships;
 * every endpoint is then tried as every caller (anonymous, A, candidate B, A's coach C, coach D,
 * the admin). The wrong caller gets 401/403/404 as a problem and never A's data; A, C and the admin
 * get A's data where the rules allow (so the table cannot pass by everything being refused). The
 * table is checked against every service's OpenAPI document, so a new endpoint cannot go untried.
 * The matrix is printed and written to target/authorisation-matrix.txt. Runs on the shared suite
 * before RunningSuiteIT stops it.
 */
@Order(2)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class AuthorisationIT {
  private static final String QUESTION = "open-serving-rollout";
  private static final String TERM = "NCCL";
  private static final Path AUDIO = Suite.root().resolve("speech-service/src/test/resources/audio");
  private static final Path TEST_PACK =
      Suite.root().resolve("question-service/src/test/resources/packs/test-pack");
  private static final Path MATRIX =
      Suite.root().resolve("system-tests/target/authorisation-matrix.txt");
  private static final List<String> OPENAPI_DOCUMENTS =
      List.of(
          "rehearse-question-service-0.1.yml",
          "rehearse-assessment-service-0.1.yml",
          "rehearse-speech-service-0.1.yml",
          "rehearse-gateway-0.1.yml");

  /** Operations where "the wrong user" means nothing: anyone may call them, signed in or not. */
  private static final Set<String> PUBLIC =
      Set.of(
          "POST /api/auth/register",
          "POST /api/auth/login",
          // its credential is the refresh token in the body (the gateway's TokenLifecycleTest)
          "POST /api/auth/refresh",
          // the public halves of the signing keys
          "GET /.well-known/jwks.json");

  private static final Set<String> HTTP_METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  /** Who calls, in the order the matrix lists them. */
  enum Caller {
    ANONYMOUS("anonymous"),
    OWNER("candidate A (owner)"),
    STRANGER("candidate B"),
    COHORT_COACH("coach C (A in a cohort)"),
    OTHER_COACH("coach D (A not in a cohort)"),
    ADMIN("admin");

    final String label;

    Caller(String label) {
      this.label = label;
    }
  }

  private record Account(String id, String email, String name, String token, Gateway gateway) {}

  /** One HTTP request: a null content type sends no body. */
  private record Call(String method, String path, String contentType, byte[] body) {
    String text() {
      return path + " " + (body == null ? "" : new String(body, StandardCharsets.ISO_8859_1));
    }
  }

  private enum Kind {
    /** A problem with one of the statuses, and none of A's data. */
    DENIED,
    /** Success showing the caller's own data: none of A's. */
    OWN,
    /** Success showing A's data (every marker), to a caller allowed to see it. */
    SEES,
    /** Success on shared content (the question bank) or the caller's own write. */
    ALLOWED,
    /** The live event stream: tried by {@link #theEventStreamCarriesOnlyTheCallersOwnEvents()}. */
    STREAM,
    /**
     * Ends the caller's session: tried on an account of its own by {@link
     * #signingOutEndsTheSessionAtTheGatewayAndAtTheServices()}.
     */
    ENDS_SESSION
  }

  private record Expect(Kind kind, Set<Integer> statuses, List<String> markers) {
    @Override
    public String toString() {
      return kind + " " + statuses + (markers.isEmpty() ? "" : " showing " + markers);
    }
  }

  /**
   * An endpoint (an OpenAPI operation, possibly tried on several objects: the variant) and what
   * each caller gets.
   */
  private record Row(
      String method,
      String template,
      String variant,
      Function<Caller, Call> call,
      Map<Caller, Expect> expect) {
    String operation() {
      return method + " " + template;
    }

    String label() {
      return operation() + (variant.isEmpty() ? "" : " [" + variant + "]");
    }
  }

  private final Map<Caller, Account> accounts = new EnumMap<>(Caller.class);

  /** What only A, A's coach C and the admin may see: ids, texts and C's cohorts. */
  private final Set<String> secrets = new LinkedHashSet<>();

  private final List<String> matrix = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private RunningSuite suite;
  private Gateway anonymous;
  private byte[] answerWav;
  private byte[] drillWav;
  private String answerMarker;
  private String reviewMarker;
  private String secondTypedId;
  private String secondReviewId;
  private List<Map<String, Object>> typedMarks;
  private String typedId;
  private String spokenId;
  private String pronunciationId;
  private String mainCohort;
  private String mainCohortName;
  private String mainCohortCode;
  private String leftCohort;
  private String removedFromCohort;
  private String selfCheckRole;
  private String selfCheckItem;
  private String quizItem;
  private String quizOption;
  private byte[] testPack;
  private String sessionMarker;
  private String doneSession;
  private String openSession;
  private List<Row> table;
  private String questionSkill;
  private String coachQuestion;
  private String coachQuestionMarker;
  private String spareQuestion;
  private String assignment;
  private String assignmentTitle;
  private String spareAssignment;

  @BeforeAll
  void candidateAOwnsDataAndCoachCHasHerInACohort() throws IOException {
    suite = RunningSuite.get();
    long start = System.nanoTime();
    anonymous = new Gateway(suite.gateway(), Gateway.Identity.ANONYMOUS);
    answerWav = Files.readAllBytes(AUDIO.resolve("answers/serving-rollout.wav"));
    drillWav = Files.readAllBytes(AUDIO.resolve("drills/nccl/good-1.wav"));
    testPack = packUpload();
    String run = UUID.randomUUID().toString().substring(0, 8);

    Account admin = login(RunningSuite.adminEmail(), RunningSuite.adminPassword());
    accounts.put(Caller.ADMIN, admin);
    accounts.put(Caller.OWNER, register("candidate-a-" + run, "Candidate A " + run));
    accounts.put(Caller.STRANGER, register("candidate-b-" + run, "Candidate B " + run));
    accounts.put(Caller.COHORT_COACH, coach(admin, "coach-c-" + run, "Coach C " + run));
    accounts.put(Caller.OTHER_COACH, coach(admin, "coach-d-" + run, "Coach D " + run));
    Account a = accounts.get(Caller.OWNER);
    Gateway owner = a.gateway();
    Gateway cohortCoach = accounts.get(Caller.COHORT_COACH).gateway();
    secrets.addAll(List.of(a.id(), a.email(), a.name()));

    // A's typed attempt: the question reaches assessment's catalog over Kafka shortly after
    // start-up
    answerMarker = "canary-" + run;
    String answer =
        "I would ship the new model as a "
            + answerMarker
            + " release on five percent of traffic, watch p99 latency"
            + " and the error rate against agreed thresholds, and roll back automatically if either gets worse.";
    typedId =
        id(
            Gateway.awaitStatus(
                () ->
                    owner.postJson(
                        "/api/attempts",
                        Json.write(Map.of("questionId", QUESTION, "answerText", answer))),
                201));
    secrets.addAll(List.of(typedId, answerMarker));
    spokenId =
        id(
            Gateway.awaitStatus(
                () -> owner.postWav("/api/spoken-attempts?questionId=" + QUESTION, answerWav),
                202));
    pronunciationId =
        id(
            Gateway.awaitStatus(
                () -> owner.postWav("/api/pronunciation-attempts?term=" + TERM, drillWav), 200));
    secrets.addAll(List.of(spokenId, pronunciationId));

    JsonNode selfCheck =
        Json.read(expect(owner.get("/api/questions?type=SELF_CHECK&size=1"), 200))
            .path("items")
            .path(0);
    selfCheckItem = selfCheck.path("id").asText();
    selfCheckRole = selfCheck.path("roles").path(0).asText();
    quizItem =
        Json.read(expect(owner.get("/api/questions?type=QUIZ&size=1"), 200))
            .path("items")
            .path(0)
            .path("id")
            .asText();
    quizOption =
        Json.read(expect(owner.get("/api/questions/" + quizItem), 200))
            .path("content")
            .path("options")
            .path(0)
            .path("id")
            .asText();
    secrets.add(
        id(
            Gateway.awaitStatus(
                () -> owner.postJson("/api/self-assessments", selfAssessment()), 201)));
    Gateway.awaitStatus(() -> owner.postJson("/api/quiz-submissions", quiz()), 201);

    // C's cohorts: A stays in the first, leaves the second herself and is taken out of the third by
    // C
    JsonNode main = cohort(cohortCoach, "Main cohort " + run);
    mainCohort = main.path("id").asText();
    mainCohortName = main.path("name").asText();
    mainCohortCode = main.path("joinCode").asText();
    JsonNode left = cohort(cohortCoach, "Left cohort " + run);
    leftCohort = left.path("id").asText();
    JsonNode removed = cohort(cohortCoach, "Removed cohort " + run);
    removedFromCohort = removed.path("id").asText();
    for (JsonNode c : List.of(main, left, removed)) {
      expect(
          owner.postJson(
              "/api/cohort-memberships",
              Json.write(Map.of("joinCode", c.path("joinCode").asText()))),
          201);
      secrets.addAll(List.of(c.path("name").asText(), c.path("joinCode").asText()));
    }
    cohort(accounts.get(Caller.OTHER_COACH).gateway(), "D's cohort " + run);

    // C's own question for the main cohort and an assignment for it, with a spare of each to delete
    questionSkill =
        Json.read(expect(owner.get("/api/questions/" + QUESTION), 200)).path("skill").asText();
    coachQuestionMarker = "traffic-burst-" + run;
    coachQuestion =
        id(
            expect(
                cohortCoach.postJson(
                    "/api/coach/questions",
                    Json.write(questionBody(coachQuestionMarker + ": how do you absorb it?"))),
                201));
    spareQuestion =
        id(
            expect(
                cohortCoach.postJson(
                    "/api/coach/questions", Json.write(questionBody("A spare question"))),
                201));
    assignmentTitle = "Assignment " + run;
    String assignments = "/api/coach/cohorts/" + mainCohort + "/assignments";
    assignment =
        id(
            expect(
                cohortCoach.postJson(assignments, Json.write(assignmentBody(assignmentTitle))),
                201));
    spareAssignment =
        id(expect(cohortCoach.postJson(assignments, Json.write(assignmentBody("Spare"))), 201));
    secrets.addAll(List.of(coachQuestionMarker, assignmentTitle));

    reviewMarker = "looked-again-" + run;
    expect(
        cohortCoach.postJson(
            "/api/attempts/" + typedId + "/reviews",
            Json.write(Map.of("comment", "Well argued, " + reviewMarker))),
        201);
    secrets.add(reviewMarker);

    // A's mock interviews: one completed with a typed answer, one open for the rows that run it
    sessionMarker = "session-answer-" + run;
    doneSession = id(expect(owner.postJson("/api/sessions", Json.write(namedSession())), 201));
    expect(
        owner.postJson(
            "/api/attempts",
            Json.write(
                Map.of(
                    "questionId",
                    QUESTION,
                    "answerText",
                    "A canary release first, " + sessionMarker,
                    "sessionId",
                    doneSession))),
        201);
    openSession = id(expect(owner.postJson("/api/sessions", Json.write(namedSession())), 201));
    secrets.addAll(List.of(doneSession, openSession, sessionMarker));

    // the spoken attempt is scored in assessment (where coaches may read it) before the table is
    // tried
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              HttpResponse<String> shown = owner.get("/api/attempts/" + spokenId);
              assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
              assertThat(Json.read(shown.body()).path("machineScore").isInt())
                  .as("scored in assessment: " + shown.body())
                  .isTrue();
            });
    // C's scored reviews of A's attempts, and a blind second review of the typed one left to any
    // other coach of A (the admin, here); the score gap (90 against the admin's 20) is a
    // disagreement
    secondTypedId =
        id(
            expect(
                owner.postJson(
                    "/api/attempts",
                    Json.write(
                        Map.of(
                            "questionId", QUESTION, "answerText", "A canary, then a rollback."))),
                201));
    secrets.add(secondTypedId);
    for (String attempt : List.of(typedId, spokenId, secondTypedId)) {
      expect(
          cohortCoach.postJson(
              "/api/attempts/" + attempt + "/reviews",
              Json.write(Map.of("overrideScore", 90, "reason", "Complete."))),
          201);
    }
    secondReviewId =
        Json.read(
                expect(
                    cohortCoach.postJson(
                        "/api/coach/attempts/" + typedId + "/second-review-requests", "{}"),
                    201))
            .path("request")
            .path("id")
            .asText();
    JsonNode typed = Json.read(expect(owner.get("/api/attempts/" + typedId), 200));
    typedMarks = new ArrayList<>();
    for (String list : List.of("conceptsHit", "conceptsMissed")) {
      typed
          .path(list)
          .forEach(
              c ->
                  typedMarks.add(
                      Map.of(
                          "concept", c.path("concept").asText(), "covered", true, "reason", "ok")));
    }
    table = table();
    System.out.printf(
        "authorisation set-up (suite already running): %d ms%n",
        (System.nanoTime() - start) / 1_000_000);
  }

  @Test
  @Order(1)
  void everyOperationOfEveryServiceIsInTheTable() {
    Set<String> documented = new TreeSet<>();
    for (String document : OPENAPI_DOCUMENTS) {
      HttpResponse<String> served = anonymous.get("/openapi/" + document);
      assertThat(served.statusCode())
          .as("/openapi/" + document + " through the gateway: " + served.body())
          .isEqualTo(200);
      Map<String, Object> root = new Yaml().load(served.body());
      Object paths = root == null ? null : root.get("paths");
      assertThat(paths).as("paths of " + document).isInstanceOf(Map.class);
      ((Map<?, ?>) paths)
          .forEach(
              (path, operations) ->
                  ((Map<?, ?>) operations)
                      .keySet().stream()
                          .map(String::valueOf)
                          .filter(HTTP_METHODS::contains)
                          .forEach(method -> documented.add(method.toUpperCase() + " " + path)));
    }
    Set<String> tried =
        table.stream().map(Row::operation).collect(Collectors.toCollection(TreeSet::new));

    Set<String> untried = new TreeSet<>(documented);
    untried.removeAll(tried);
    untried.removeAll(PUBLIC);
    assertThat(untried)
        .as(
            "documented operations missing from the authorisation table (add them, or to PUBLIC with a reason)")
        .isEmpty();
    Set<String> undocumented = new TreeSet<>(tried);
    undocumented.addAll(PUBLIC);
    undocumented.removeAll(documented);
    assertThat(undocumented)
        .as("operations in the table that no OpenAPI document lists (stale rows?)")
        .isEmpty();
  }

  @Test
  @Order(2)
  void everyEndpointRefusesTheWrongCallerAndServesTheRightOne() {
    long start = System.nanoTime();
    List<String> wrong = new ArrayList<>();
    for (Row row : table) {
      for (Caller caller : Caller.values()) {
        Expect expect = row.expect().get(caller);
        if (expect.kind() == Kind.STREAM || expect.kind() == Kind.ENDS_SESSION) {
          continue;
        }
        Call call = row.call().apply(caller);
        HttpResponse<String> response = send(caller, call);
        List<String> problems = check(expect, call, response);
        matrix.add(
            String.format(
                "%s | %s | %d%s",
                row.label(),
                caller.label,
                response.statusCode(),
                problems.isEmpty() ? "" : "  <-- WRONG: " + String.join("; ", problems)));
        if (!problems.isEmpty()) {
          wrong.add(
              call.method()
                  + " "
                  + call.path()
                  + " as "
                  + caller.label
                  + ": "
                  + String.join("; ", problems)
                  + "\n    expected "
                  + expect
                  + "\n    body: "
                  + abbreviate(response.body()));
        }
      }
    }
    System.out.printf(
        "authorisation matrix: %d endpoints x %d callers in %d ms%n",
        table.size(), Caller.values().length, (System.nanoTime() - start) / 1_000_000);
    assertThat(wrong).as("cells of the authorisation matrix that are wrong").isEmpty();
  }

  @Test
  @Order(3)
  void theEventStreamCarriesOnlyTheCallersOwnEvents() {
    // A's stream from the start holds what happened to A: scored attempts, the pronunciation drill,
    // C's review
    try (EventStream mine = replay(accounts.get(Caller.OWNER))) {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .untilAsserted(
              () ->
                  assertThat(String.join("\n", mine.events()))
                      .contains(typedId, spokenId, pronunciationId, reviewMarker));
    }
    matrix.add(
        "GET /api/events [replayed from the first event] | "
            + Caller.OWNER.label
            + " | 200 with A's events");

    // everyone else replays their own stream from its first event, then scores an answer of their
    // own: every
    // earlier event (A's included, had it leaked) comes before that one
    List<Caller> others =
        List.of(Caller.STRANGER, Caller.COHORT_COACH, Caller.OTHER_COACH, Caller.ADMIN);
    Map<Caller, EventStream> streams = new EnumMap<>(Caller.class);
    try {
      others.forEach(caller -> streams.put(caller, replay(accounts.get(caller))));
      Map<Caller, String> ownAttempts = new EnumMap<>(Caller.class);
      others.forEach(
          caller ->
              ownAttempts.put(
                  caller,
                  id(
                      expect(
                          accounts
                              .get(caller)
                              .gateway()
                              .postAnswer(QUESTION, "A canary release with an automatic rollback."),
                          201))));
      for (Caller caller : others) {
        EventStream stream = streams.get(caller);
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(
                () ->
                    assertThat(String.join("\n", stream.events()))
                        .as(caller.label + "'s stream")
                        .contains(ownAttempts.get(caller)));
        String all = String.join("\n", stream.events());
        assertThat(secrets)
            .as(caller.label + "'s stream shows none of A's data")
            .noneMatch(all::contains);
        matrix.add(
            "GET /api/events [replayed from the first event] | "
                + caller.label
                + " | 200 with own events only");
      }
    } finally {
      streams.values().forEach(EventStream::close);
    }
  }

  @Test
  @Order(4)
  void identityHeadersFromOutsideAndEditedTokensChangeNothing() throws IOException {
    Account a = accounts.get(Caller.OWNER);
    Account b = accounts.get(Caller.STRANGER);
    // B's own token, with headers claiming to be A and an admin: the gateway drops them and sends
    // B's identity
    Gateway spoofing =
        b.gateway()
            .as(
                request ->
                    request
                        .header("Authorization", "Bearer " + b.token())
                        .header("X-Candidate-Id", a.id())
                        .header("X-User-Role", "ADMIN"));
    String spoofer = "candidate B + X-Candidate-Id: A, X-User-Role: ADMIN";

    HttpResponse<String> progress = probe(spoofing, "/api/progress", 200, spoofer);
    assertThat(Json.read(progress.body()).path("candidateId").asText()).isEqualTo(b.id());
    HttpResponse<String> me = probe(spoofing, "/api/auth/me", 200, spoofer);
    assertThat(Json.read(me.body()).path("id").asText()).isEqualTo(b.id());
    assertThat(Json.read(me.body()).path("role").asText()).isEqualTo("CANDIDATE");
    assertThat(Json.read(probe(spoofing, "/api/cohort-memberships", 200, spoofer).body()))
        .isEmpty();
    probe(spoofing, "/api/attempts/" + typedId, 404, spoofer);
    probe(spoofing, "/api/attempts/" + spokenId, 404, spoofer);
    probe(spoofing, "/api/attempts/" + typedId + "/reviews", 404, spoofer);
    probe(spoofing, "/api/spoken-attempts/" + spokenId, 404, spoofer);
    probe(spoofing, "/api/pronunciation-attempts/" + pronunciationId, 404, spoofer);
    probe(spoofing, "/api/coach/candidates", 403, spoofer);
    probe(spoofing, "/api/admin/item-stats", 403, spoofer);
    probe(spoofing, "/api/admin/pronunciation/vocabulary-report", 403, spoofer);

    // no token at all, only the headers: nothing is served
    Gateway headersOnly =
        anonymous.as(
            request -> request.header("X-Candidate-Id", a.id()).header("X-User-Role", "ADMIN"));
    String headerOnly = "anonymous + X-Candidate-Id: A, X-User-Role: ADMIN";
    probe(headersOnly, "/api/progress", 401, headerOnly);
    probe(headersOnly, "/api/attempts/" + typedId, 401, headerOnly);
    probe(headersOnly, "/api/admin/item-stats", 401, headerOnly);

    // B's token with its claims edited to say A and ADMIN, signature left as it was: refused
    Gateway edited = anonymous.as(Gateway.Identity.bearer(edit(b.token(), a.id())));
    String editor = "B's token edited to sub=A, roles=[ADMIN]";
    probe(edited, "/api/progress", 401, editor);
    probe(edited, "/api/attempts/" + typedId, 401, editor);
    probe(edited, "/api/auth/me", 401, editor);
  }

  @Test
  @Order(5)
  void servicesCalledDirectlyTakeTheCallerFromTheTokenAloneAndIgnoreIdentityHeaders() {
    // a suite started elsewhere (-Drehearse.gateway.url) does not say where its services listen
    Map<String, Integer> ports = suite.ports();
    assertThat(ports)
        .as("ports of the suite this test started")
        .containsKeys("ASSESSMENT", "SPEECH", "QUESTION");
    Account a = accounts.get(Caller.OWNER);
    Account b = accounts.get(Caller.STRANGER);
    Account c = accounts.get(Caller.COHORT_COACH);
    Function<String, Gateway> service =
        name ->
            new Gateway(
                URI.create("http://localhost:" + ports.get(name)), Gateway.Identity.ANONYMOUS);
    String direct = "direct to the service, ";

    // the headers earlier versions trusted, without a token: nobody
    Gateway.Identity headersOnly =
        request -> request.header("X-Candidate-Id", a.id()).header("X-User-Role", "ADMIN");
    String anonymousWithHeaders = direct + "no token + X-Candidate-Id: A, X-User-Role: ADMIN";
    // B's token with headers claiming A and ADMIN: B, exactly as without the headers
    Gateway.Identity bClaimsA =
        request ->
            request
                .header("Authorization", "Bearer " + b.token())
                .header("X-Candidate-Id", a.id())
                .header("X-User-Role", "ADMIN");
    String bWithHeaders = direct + "B's token + X-Candidate-Id: A, X-User-Role: ADMIN";
    // each: the service, the path, the answer to the headers alone, the answer to B claiming A
    record Direct(String service, String path, int headersOnly, int bClaimingA) {}
    for (Direct call :
        List.of(
            new Direct("ASSESSMENT", "/api/attempts/" + typedId, 401, 404),
            new Direct("ASSESSMENT", "/api/progress?candidateId=" + a.id(), 401, 403),
            new Direct("SPEECH", "/api/spoken-attempts/" + spokenId, 401, 404),
            new Direct("QUESTION", "/api/admin/packs", 401, 403))) {
      Gateway target = service.apply(call.service());
      probe(target.as(headersOnly), call.path(), call.headersOnly(), anonymousWithHeaders);
      probe(target.as(bClaimsA), call.path(), call.bClaimingA(), bWithHeaders);
    }
    // the public catalog answers, with the candidate's view: the role header unlocks no answer key
    HttpResponse<String> item =
        probe(
            service.apply("QUESTION").as(headersOnly),
            "/api/questions/" + QUESTION,
            200,
            anonymousWithHeaders);
    assertThat(item.body()).doesNotContain("\"modelAnswer\"").doesNotContain("\"rubric\"");
    HttpResponse<String> progress =
        probe(service.apply("ASSESSMENT").as(bClaimsA), "/api/progress", 200, bWithHeaders);
    assertThat(Json.read(progress.body()).path("candidateId").asText()).isEqualTo(b.id());

    // the control: C's token alone, as the gateway forwards it, reaches A's attempt
    HttpResponse<String> shown =
        service
            .apply("ASSESSMENT")
            .as(Gateway.Identity.bearer(c.token()))
            .get("/api/attempts/" + typedId);
    assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
    assertThat(shown.body()).contains(answerMarker);
    matrix.add("GET /api/attempts/{id} | " + direct + "C's token | 200");
  }

  @Test
  @Order(6)
  void leavingTheLastCohortEndsTheCoachsAccessButNotTheAdmins() {
    Account a = accounts.get(Caller.OWNER);
    expect(
        a.gateway().exchange("DELETE", "/api/cohort-memberships/" + mainCohort, null, null), 204);
    matrix.add(
        "DELETE /api/cohort-memberships/{cohortId} [C's last cohort with A] | "
            + Caller.OWNER.label
            + " | 204");
    assertThat(Json.read(expect(a.gateway().get("/api/cohort-memberships"), 200)))
        .as("A's memberships")
        .isEmpty();

    Gateway formerCoach = accounts.get(Caller.COHORT_COACH).gateway();
    String former = "coach C after A left";
    for (String path :
        List.of(
            "/api/attempts/" + typedId,
            "/api/attempts/" + spokenId,
            "/api/attempts/" + typedId + "/reviews",
            "/api/coach/candidates/" + a.id() + "/attempts",
            "/api/progress?candidateId=" + a.id())) {
      probe(formerCoach, path, 404, former);
    }
    HttpResponse<String> review =
        formerCoach.postJson(
            "/api/attempts/" + typedId + "/reviews", Json.write(Map.of("comment", "too late")));
    List<String> problems =
        check(
            denied(404),
            jsonCall(
                "POST", "/api/attempts/" + typedId + "/reviews", Map.of("comment", "too late")),
            review);
    matrix.add("POST /api/attempts/{id}/reviews | " + former + " | " + review.statusCode());
    assertThat(problems).as(review.body()).isEmpty();
    probe(formerCoach, "/api/coach/candidates", 200, former);

    HttpResponse<String> admin =
        accounts.get(Caller.ADMIN).gateway().get("/api/coach/candidates/" + a.id() + "/attempts");
    assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
    assertThat(admin.body()).contains(answerMarker);
    matrix.add("GET /api/coach/candidates/{candidateId}/attempts | admin, after A left | 200");
  }

  @Test
  @Order(7)
  void signingOutEndsTheSessionAtTheGatewayAndAtTheServices() {
    assertThat(suite.ports()).as("ports of the suite this test started").containsKey("ASSESSMENT");
    String run = UUID.randomUUID().toString().substring(0, 8);
    Account leaving = register("leaving-" + run, "Leaving " + run);
    Gateway assessment =
        new Gateway(
            URI.create("http://localhost:" + suite.ports().get("ASSESSMENT")),
            Gateway.Identity.bearer(leaving.token()));
    assertThat(assessment.get("/api/progress").statusCode()).isEqualTo(200);

    HttpResponse<String> out = leaving.gateway().exchange("POST", "/api/auth/logout", null, null);
    assertThat(out.statusCode()).as(out.body()).isEqualTo(204);
    matrix.add("POST /api/auth/logout | a candidate of its own | 204");
    probe(leaving.gateway(), "/api/auth/me", 401, "the signed-out token");
    probe(leaving.gateway(), "/api/progress", 401, "the signed-out token");
    // the service called directly refuses it too, once the AccessRevoked event has reached it
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> assessment.get("/api/progress").statusCode() == 401);
    matrix.add("GET /api/progress | direct to the service, the signed-out token | 401");
  }

  @Test
  @Order(8)
  void aDemotedCoachsTokenIsRefusedByAServiceCalledDirectlyWithinTwoSeconds() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Account admin = accounts.get(Caller.ADMIN);
    Account demoted = coach(admin, "demoted-" + run, "Demoted " + run);
    Gateway assessment =
        new Gateway(
            URI.create("http://localhost:" + suite.ports().get("ASSESSMENT")),
            Gateway.Identity.bearer(demoted.token()));
    assertThat(assessment.get("/api/coach/candidates").statusCode()).isEqualTo(200);

    expect(
        admin
            .gateway()
            .exchange(
                "PUT",
                "/api/auth/users/" + demoted.id() + "/role",
                "application/json",
                utf8(Json.write(Map.of("role", "CANDIDATE")))),
        200);
    // the gateway refuses it at once; the service learns of the change from Kafka
    probe(demoted.gateway(), "/api/coach/candidates", 401, "the demoted coach's old token");
    await()
        .atMost(Duration.ofSeconds(2))
        .until(() -> assessment.get("/api/coach/candidates").statusCode() == 401);
    matrix.add(
        "GET /api/coach/candidates | direct to the service, a demoted coach's old token | 401");
  }

  @Test
  @Order(9)
  void theServicesExportPathsAreNotPublicRoutes() {
    for (Caller caller : Caller.values()) {
      Gateway gateway = caller == Caller.ANONYMOUS ? anonymous : accounts.get(caller).gateway();
      for (String path :
          List.of("/api/personal-data", "/api/personal-data/" + accounts.get(Caller.OWNER).id())) {
        HttpResponse<String> response = gateway.get(path);
        List<String> problems = check(denied(404), get(path), response);
        matrix.add(String.format("GET %s | %s | %d", path, caller.label, response.statusCode()));
        assertThat(problems).as(path + " as " + caller.label).isEmpty();
      }
    }
  }

  @Test
  @Order(10)
  void theLiveAnswerSocketIsRefusedAtTheHandshakeWithoutAValidToken() throws IOException {
    String edited = edit(accounts.get(Caller.STRANGER).token(), accounts.get(Caller.OWNER).id());
    String path = "/api/live-answers?questionId=" + QUESTION;
    refusedLiveAnswer(path, null, "anonymous");
    refusedLiveAnswer(path, edited, "B's token edited to name A");
    refusedLiveAnswer(
        path + "&access_token=" + edited, null, "B's token edited to name A, as ?access_token=");
  }

  /** A WebSocket handshake has no problem body the JDK's client shows: the status is checked. */
  private void refusedLiveAnswer(String path, String bearer, String who) {
    int status = LiveSocket.refusal(anonymous.webSocket(path), bearer);
    matrix.add(
        String.format(
            "GET /api/live-answers [WebSocket] | %s | %d%s",
            who, status, status == 401 ? "" : "  <-- WRONG: expected 401"));
    assertThat(status).as("the live-answer handshake as " + who).isEqualTo(401);
  }

  @AfterAll
  void writeTheMatrix() throws IOException {
    if (matrix.isEmpty()) {
      return;
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        "# Authorisation matrix: endpoint | caller | status ("
            + table.size()
            + " endpoints x "
            + Caller.values().length
            + " callers; A owns the data, C coaches A's cohort, D coaches another)");
    lines.addAll(matrix);
    Files.createDirectories(MATRIX.getParent());
    Files.write(MATRIX, lines);
    lines.forEach(System.out::println);
  }

  /**
   * Every endpoint with what each caller gets: anonymous always 401, then A (owner), B (stranger),
   * C (A's coach), D (another coach), the admin. Rules: a candidate reads only their own objects
   * (404 otherwise); /api/coach and coach-only actions are for coaches and admins (403); a coach
   * sees only candidates of their cohorts (404 otherwise), an admin everyone; speech's attempts
   * only their owner and admins; /api/admin only admins (403).
   */
  private List<Row> table() {
    Account a = accounts.get(Caller.OWNER);
    String bId = accounts.get(Caller.STRANGER).id();
    List<Row> rows = new ArrayList<>();
    // gateway
    rows.add(
        row(
            "GET",
            "/api/auth/me",
            "",
            c -> get("/api/auth/me"),
            sees(a.email()),
            own(200),
            own(200),
            own(200),
            own(200)));
    rows.add(
        row(
            "PUT",
            "/api/auth/users/{id}/role",
            "own account to ADMIN; the admin: B to CANDIDATE",
            c ->
                c == Caller.ADMIN || c == Caller.ANONYMOUS
                    ? jsonCall(
                        "PUT", "/api/auth/users/" + bId + "/role", Map.of("role", "CANDIDATE"))
                    : jsonCall(
                        "PUT",
                        "/api/auth/users/" + accounts.get(c).id() + "/role",
                        Map.of("role", "ADMIN")),
            denied(403),
            denied(403),
            denied(403),
            denied(403),
            allowed(200)));
    rows.add(
        row(
            "PUT",
            "/api/auth/password",
            "a wrong current password",
            c ->
                jsonCall(
                    "PUT",
                    "/api/auth/password",
                    Map.of("currentPassword", "not the password", "newPassword", "another one")),
            denied(403),
            denied(403),
            denied(403),
            denied(403),
            denied(403)));
    rows.add(
        row(
            "GET",
            "/api/me/export",
            "",
            c -> get("/api/me/export"),
            sees(a.email(), answerMarker),
            own(200),
            // C's own export lists the cohorts C coaches and the reviews C wrote: C's data
            allowed(200),
            own(200),
            own(200)));
    rows.add(
        row(
            "DELETE",
            "/api/me",
            "no X-Confirm-Password (deletion itself: AccountDeletionIT)",
            c -> new Call("DELETE", "/api/me", null, null),
            denied(400),
            denied(400),
            denied(400),
            denied(400),
            denied(400)));
    rows.add(
        row(
            "POST",
            "/api/auth/logout",
            "",
            c -> new Call("POST", "/api/auth/logout", null, null),
            endsSession(),
            endsSession(),
            endsSession(),
            endsSession(),
            endsSession()));
    rows.add(
        row(
            "GET",
            "/api/attempts/{id}",
            "A's typed attempt",
            c -> get("/api/attempts/" + typedId),
            sees(answerMarker),
            denied(404),
            sees(answerMarker),
            denied(404),
            sees(answerMarker)));
    rows.add(
        row(
            "GET",
            "/api/attempts/{id}",
            "A's spoken attempt",
            c -> get("/api/attempts/" + spokenId),
            sees(spokenId),
            denied(404),
            sees(spokenId),
            denied(404),
            sees(spokenId)));
    rows.add(
        row(
            "GET",
            "/api/events",
            "",
            c -> get("/api/events"),
            stream(),
            stream(),
            stream(),
            stream(),
            stream()));
    // assessment
    rows.add(
        row(
            "POST",
            "/api/attempts",
            "an answer of one's own",
            c ->
                jsonCall(
                    "POST",
                    "/api/attempts",
                    Map.of(
                        "questionId",
                        QUESTION,
                        "answerText",
                        "A canary release, then a rollback.")),
            allowed(201),
            own(201),
            own(201),
            own(201),
            own(201)));
    // reviews: per concept, blind second reviews, agreement and the results CSV (before the audit
    // trail's row, so that the admin's second review is made by then and nothing is hidden)
    rows.add(
        row(
            "POST",
            "/api/attempts/{id}/reviews/preview",
            "A's typed attempt, every concept covered",
            c ->
                jsonCall(
                    "POST",
                    "/api/attempts/" + typedId + "/reviews/preview",
                    Map.of("marks", typedMarks)),
            denied(403),
            denied(403),
            allowed(200),
            denied(404),
            allowed(200)));
    rows.add(
        row(
            "POST",
            "/api/coach/attempts/{id}/second-review-requests",
            "C: A's spoken attempt; the admin: A's second typed attempt",
            c ->
                jsonCall(
                    "POST",
                    "/api/coach/attempts/"
                        + (c == Caller.ADMIN ? secondTypedId : spokenId)
                        + "/second-review-requests",
                    Map.of()),
            denied(403),
            denied(403),
            allowed(201),
            denied(404),
            allowed(201)));
    rows.add(
        row(
            "GET",
            "/api/coach/second-reviews",
            "the caller's queue (C made the first reviews: none for C)",
            c -> get("/api/coach/second-reviews"),
            denied(403),
            denied(403),
            own(200),
            own(200),
            sees(answerMarker)));
    rows.add(
        row(
            "GET",
            "/api/coach/second-reviews/{id}",
            "the one of A's typed attempt",
            c -> get("/api/coach/second-reviews/" + secondReviewId),
            denied(403),
            denied(403),
            sees(answerMarker),
            denied(404),
            sees(answerMarker)));
    rows.add(
        row(
            "POST",
            "/api/coach/second-reviews/{id}",
            "the one of A's typed attempt (C made the first review)",
            c ->
                jsonCall(
                    "POST",
                    "/api/coach/second-reviews/" + secondReviewId,
                    Map.of("overrideScore", 20, "reason", "Second look by " + c.label)),
            denied(403),
            denied(403),
            denied(403),
            denied(404),
            sees(answerMarker)));
    rows.add(
        row(
            "GET",
            "/api/coach/cohorts/{id}/review-agreement",
            "C's main cohort",
            c -> get("/api/coach/cohorts/" + mainCohort + "/review-agreement"),
            denied(403),
            denied(403),
            sees(typedId),
            denied(404),
            sees(typedId)));
    rows.add(
        row(
            "GET",
            "/api/coach/cohorts/{id}/results.csv",
            "C's main cohort",
            c -> get("/api/coach/cohorts/" + mainCohort + "/results.csv"),
            denied(403),
            denied(403),
            sees(a.id(), "machine_score"),
            denied(404),
            sees(a.id(), "machine_score")));
    rows.add(
        row(
            "GET",
            "/api/attempts/{id}/reviews",
            "A's typed attempt",
            c -> get("/api/attempts/" + typedId + "/reviews"),
            sees(reviewMarker),
            denied(404),
            sees(reviewMarker),
            denied(404),
            sees(reviewMarker)));
    rows.add(
        row(
            "POST",
            "/api/attempts/{id}/reviews",
            "A's typed attempt: a forged override; staff: a comment",
            c ->
                jsonCall(
                    "POST",
                    "/api/attempts/" + typedId + "/reviews",
                    c == Caller.COHORT_COACH || c == Caller.ADMIN
                        ? Map.of("comment", "Second look by " + c.label)
                        : Map.of("overrideScore", 100, "reason", "forged", "comment", "forged")),
            denied(403),
            denied(403),
            sees(answerMarker),
            denied(404),
            sees(answerMarker)));
    rows.add(
        row(
            "GET",
            "/api/coach/candidates",
            "",
            c -> get("/api/coach/candidates"),
            denied(403),
            denied(403),
            sees(a.id()),
            own(200),
            sees(a.id())));
    rows.add(
        row(
            "GET",
            "/api/coach/inbox",
            "",
            c -> get("/api/coach/inbox"),
            denied(403),
            denied(403),
            sees(a.id()),
            own(200),
            // the admin's inbox is every candidate's, the 100 most pressing: A's may not be among
            // them on a suite other tests have filled
            allowed(200)));
    rows.add(
        row(
            "GET",
            "/api/coach/candidates/{candidateId}/attempts",
            "A",
            c -> get("/api/coach/candidates/" + a.id() + "/attempts"),
            denied(403),
            denied(403),
            sees(answerMarker),
            denied(404),
            sees(answerMarker)));
    rows.add(
        row(
            "GET",
            "/api/coach/cohorts",
            "",
            c -> get("/api/coach/cohorts"),
            denied(403),
            denied(403),
            sees(mainCohortCode),
            own(200),
            own(200)));
    rows.add(
        row(
            "POST",
            "/api/coach/cohorts",
            "a cohort of one's own",
            c -> jsonCall("POST", "/api/coach/cohorts", Map.of("name", "New cohort of " + c.label)),
            denied(403),
            denied(403),
            allowed(201),
            own(201),
            own(201)));
    // cohort management is the owning coach's: an admin sees every candidate but manages only their
    // own cohorts
    rows.add(
        row(
            "POST",
            "/api/coach/cohorts/{id}/join-code",
            "C's cohort A left",
            c -> new Call("POST", "/api/coach/cohorts/" + leftCohort + "/join-code", null, null),
            denied(403),
            denied(403),
            allowed(200),
            denied(404),
            denied(404)));
    rows.add(
        row(
            "DELETE",
            "/api/coach/cohorts/{id}/members/{candidateId}",
            "A in C's third cohort",
            c ->
                new Call(
                    "DELETE",
                    "/api/coach/cohorts/" + removedFromCohort + "/members/" + a.id(),
                    null,
                    null),
            denied(403),
            denied(403),
            allowed(204),
            denied(404),
            denied(404)));
    rows.add(
        row(
            "POST",
            "/api/cohort-memberships",
            "A: C's code again; B: a made-up code; staff: C's code",
            c ->
                jsonCall(
                    "POST",
                    "/api/cohort-memberships",
                    Map.of("joinCode", c == Caller.STRANGER ? "ZZZZ-ZZZZ" : mainCohortCode)),
            sees(mainCohortName),
            denied(404),
            denied(403),
            denied(403),
            denied(403)));
    rows.add(
        row(
            "GET",
            "/api/cohort-memberships",
            "",
            c -> get("/api/cohort-memberships"),
            sees(mainCohortName),
            own(200),
            own(200),
            own(200),
            own(200)));
    rows.add(
        row(
            "DELETE",
            "/api/cohort-memberships/{cohortId}",
            "C's cohort A is in",
            c -> new Call("DELETE", "/api/cohort-memberships/" + leftCohort, null, null),
            allowed(204),
            denied(404),
            denied(404),
            denied(404),
            denied(404)));
    rows.add(
        row(
            "GET",
            "/api/progress",
            "one's own",
            c -> get("/api/progress"),
            sees(typedId),
            own(200),
            own(200),
            own(200),
            own(200)));
    rows.add(
        row(
            "GET",
            "/api/progress",
            "?candidateId=A (for coaches)",
            c -> get("/api/progress?candidateId=" + a.id()),
            denied(403),
            denied(403),
            sees(typedId),
            denied(404),
            sees(typedId)));
    rows.addAll(sessionRows(a));
    rows.add(
        row(
            "POST",
            "/api/quiz-submissions",
            "one's own",
            c -> new Call("POST", "/api/quiz-submissions", "application/json", utf8(quiz())),
            allowed(201),
            own(201),
            own(201),
            own(201),
            own(201)));
    rows.add(
        row(
            "GET",
            "/api/repetition/due",
            "the caller's own cards",
            c -> get("/api/repetition/due"),
            allowed(200),
            own(200),
            own(200),
            own(200),
            own(200)));
    rows.add(
        row(
            "POST",
            "/api/repetition/reviews",
            "a card of one's own",
            c ->
                new Call(
                    "POST",
                    "/api/repetition/reviews",
                    "application/json",
                    utf8(
                        Json.write(
                            Map.of(
                                "kind", "VOCABULARY",
                                "itemRef", "vocab-authorisation",
                                "rating", "GOOD",
                                "label", "idempotency key")))),
            allowed(200),
            own(200),
            own(200),
            own(200),
            own(200)));
    rows.add(
        row(
            "GET",
            "/api/answer-guides/{questionId}",
            "a question's length rules, no answer key",
            c -> get("/api/answer-guides/" + QUESTION),
            allowed(200),
            allowed(200),
            allowed(200),
            allowed(200),
            allowed(200)));
    rows.add(
        row(
            "POST",
            "/api/self-assessments",
            "one's own",
            c ->
                new Call(
                    "POST", "/api/self-assessments", "application/json", utf8(selfAssessment())),
            allowed(201),
            own(201),
            own(201),
            own(201),
            own(201)));
    rows.add(
        row(
            "GET",
            "/api/admin/item-stats",
            "",
            c -> get("/api/admin/item-stats"),
            denied(403),
            denied(403),
            denied(403),
            denied(403),
            allowed(200)));
    // question-service: the shared bank, for every signed-in caller
    rows.add(
        row(
            "GET",
            "/api/roles",
            "",
            c -> get("/api/roles"),
            allowed(200),
            allowed(200),
            allowed(200),
            allowed(200),
            allowed(200)));
    rows.add(
        row(
            "GET",
            "/api/roles/{id}",
            "",
            c -> get("/api/roles/" + selfCheckRole),
            allowed(200),
            allowed(200),
            allowed(200),
            allowed(200),
            allowed(200)));
    rows.add(
        row(
            "GET",
            "/api/questions",
            "",
            c -> get("/api/questions?size=5"),
            allowed(200),
            allowed(200),
            allowed(200),
            allowed(200),
            allowed(200)));
    rows.add(
        row(
            "GET",
            "/api/questions/{id}",
            "",
            c -> get("/api/questions/" + QUESTION),
            allowed(200),
            allowed(200),
            allowed(200),
            allowed(200),
            allowed(200)));
    rows.add(
        row(
            "GET",
            "/api/pronunciation/terms",
            "",
            c -> get("/api/pronunciation/terms"),
            allowed(200),
            allowed(200),
            allowed(200),
            allowed(200),
            allowed(200)));
    rows.add(
        row(
            "POST",
            "/api/practice-sets",
            "one's own",
            c -> jsonCall("POST", "/api/practice-sets", Map.of("role", selfCheckRole, "size", 3)),
            allowed(201),
            own(201),
            own(201),
            own(201),
            own(201)));
    rows.add(
        row(
            "GET",
            "/api/admin/packs",
            "",
            c -> get("/api/admin/packs"),
            denied(403),
            denied(403),
            denied(403),
            denied(403),
            allowed(200)));
    rows.add(
        row(
            "POST",
            "/api/admin/packs",
            "?dryRun=true, a valid pack",
            c -> new Call("POST", "/api/admin/packs?dryRun=true", "application/json", testPack),
            denied(403),
            denied(403),
            denied(403),
            denied(403),
            allowed(200)));
    // speech-service: coaches read cohorts' work in assessment, not here
    rows.add(
        row(
            "POST",
            "/api/spoken-attempts",
            "one's own (a short clip)",
            c ->
                new Call(
                    "POST", "/api/spoken-attempts?questionId=" + QUESTION, "audio/wav", drillWav),
            allowed(202),
            own(202),
            own(202),
            own(202),
            own(202)));
    rows.add(
        row(
            "GET",
            "/api/spoken-attempts/{id}",
            "A's",
            c -> get("/api/spoken-attempts/" + spokenId),
            sees(spokenId),
            denied(404),
            denied(404),
            denied(404),
            sees(spokenId)));
    rows.add(
        row(
            "POST",
            "/api/pronunciation-attempts",
            "one's own",
            c ->
                new Call("POST", "/api/pronunciation-attempts?term=" + TERM, "audio/wav", drillWav),
            allowed(200),
            own(200),
            own(200),
            own(200),
            own(200)));
    rows.add(
        row(
            "GET",
            "/api/pronunciation-attempts/{id}",
            "A's",
            c -> get("/api/pronunciation-attempts/" + pronunciationId),
            sees(pronunciationId),
            denied(404),
            denied(404),
            denied(404),
            sees(pronunciationId)));
    rows.add(
        row(
            "GET",
            "/api/pronunciation-attempts/summary",
            "the caller's own",
            c -> get("/api/pronunciation-attempts/summary"),
            sees(TERM),
            own(200),
            own(200),
            own(200),
            own(200)));
    rows.add(
        row(
            "GET",
            "/api/admin/pronunciation/vocabulary-report",
            "",
            c -> get("/api/admin/pronunciation/vocabulary-report"),
            denied(403),
            denied(403),
            denied(403),
            denied(403),
            allowed(200)));
    rows.addAll(assignmentRows(a));
    return rows;
  }

  /**
   * Assignments and coaches' own questions: C's for the main cohort. Setting and changing them is
   * C's alone (an admin reads them); A sees what is set for her cohort, without answer keys; a
   * coach's question is answered only by its cohorts, and never appears in the public catalog.
   */
  private List<Row> assignmentRows(Account a) {
    return List.of(
        row(
            "POST",
            "/api/coach/cohorts/{cohortId}/assignments",
            "C's main cohort",
            c ->
                jsonCall(
                    "POST",
                    "/api/coach/cohorts/" + mainCohort + "/assignments",
                    assignmentBody("Set by " + c.label)),
            denied(403),
            denied(403),
            sees(a.id()),
            denied(404),
            denied(404)),
        row(
            "GET",
            "/api/coach/cohorts/{cohortId}/assignments",
            "C's main cohort",
            c -> get("/api/coach/cohorts/" + mainCohort + "/assignments"),
            denied(403),
            denied(403),
            sees(assignmentTitle, a.id()),
            denied(404),
            sees(assignmentTitle, a.id())),
        row(
            "GET",
            "/api/coach/assignments/{id}",
            "C's assignment",
            c -> get("/api/coach/assignments/" + assignment),
            denied(403),
            denied(403),
            sees(assignmentTitle, a.id()),
            denied(404),
            sees(assignmentTitle, a.id())),
        row(
            "DELETE",
            "/api/coach/assignments/{id}",
            "C: a spare one; the others: C's assignment",
            c ->
                new Call(
                    "DELETE",
                    "/api/coach/assignments/"
                        + (c == Caller.COHORT_COACH ? spareAssignment : assignment),
                    null,
                    null),
            denied(403),
            denied(403),
            allowed(204),
            denied(404),
            denied(404)),
        row(
            "GET",
            "/api/assignments",
            "",
            c -> get("/api/assignments"),
            sees(assignmentTitle),
            own(200),
            own(200),
            own(200),
            own(200)),
        row(
            "POST",
            "/api/coach/questions",
            "for C's main cohort",
            c -> jsonCall("POST", "/api/coach/questions", questionBody("Written by " + c.label)),
            denied(403),
            denied(403),
            allowed(201),
            denied(404),
            denied(404)),
        row(
            "GET",
            "/api/coach/questions",
            "",
            c -> get("/api/coach/questions"),
            denied(403),
            denied(403),
            sees(coachQuestionMarker),
            own(200),
            sees(coachQuestionMarker)),
        row(
            "PUT",
            "/api/coach/questions/{id}",
            "C's question",
            c ->
                jsonCall(
                    "PUT",
                    "/api/coach/questions/" + coachQuestion,
                    questionBody(coachQuestionMarker + ": changed by " + c.label)),
            denied(403),
            denied(403),
            sees(coachQuestionMarker),
            denied(404),
            denied(404)),
        row(
            "DELETE",
            "/api/coach/questions/{id}",
            "C: a spare one; the others: C's question",
            c ->
                new Call(
                    "DELETE",
                    "/api/coach/questions/"
                        + (c == Caller.COHORT_COACH ? spareQuestion : coachQuestion),
                    null,
                    null),
            denied(403),
            denied(403),
            allowed(204),
            denied(404),
            denied(404)),
        row(
            "GET",
            "/api/cohort-questions",
            "",
            c -> get("/api/cohort-questions"),
            sees(coachQuestionMarker),
            own(200),
            own(200),
            own(200),
            own(200)),
        row(
            "GET",
            "/api/cohort-questions/{id}",
            "C's question for A's cohort",
            c -> get("/api/cohort-questions/" + coachQuestion),
            sees(coachQuestionMarker),
            denied(404),
            sees(coachQuestionMarker),
            denied(404),
            sees(coachQuestionMarker)),
        row(
            "POST",
            "/api/attempts",
            "C's own question for A's cohort",
            c ->
                jsonCall(
                    "POST",
                    "/api/attempts",
                    Map.of(
                        "questionId",
                        coachQuestion,
                        "answerText",
                        "Batch requests and autoscale on queue depth.")),
            allowed(201),
            denied(404),
            allowed(201),
            denied(404),
            allowed(201)),
        row(
            "GET",
            "/api/questions/{id}",
            "C's own question: never in the public catalog",
            c -> get("/api/questions/" + coachQuestion),
            denied(404),
            denied(404),
            denied(404),
            denied(404),
            denied(404)));
  }

  private Map<String, Object> assignmentBody(String title) {
    return Map.of(
        "title",
        title,
        "kind",
        "SESSION",
        "roleId",
        selfCheckRole,
        "questionCount",
        3,
        "dueAt",
        Instant.now().plus(Duration.ofDays(7)).toString());
  }

  private Map<String, Object> questionBody(String text) {
    return Map.of(
        "cohortIds",
        List.of(mainCohort),
        "skillId",
        questionSkill,
        "text",
        text,
        "modelAnswer",
        "Batch requests dynamically and autoscale the replicas on queue depth, with warm spares.",
        "type",
        "OPEN");
  }

  /** A row: anonymous gets 401 (the live stream's too), then A, B, C, D and the admin as given. */
  private static Row row(
      String method,
      String template,
      String variant,
      Function<Caller, Call> call,
      Expect owner,
      Expect stranger,
      Expect cohortCoach,
      Expect otherCoach,
      Expect admin) {
    Map<Caller, Expect> expect = new EnumMap<>(Caller.class);
    expect.put(Caller.ANONYMOUS, denied(401));
    expect.put(Caller.OWNER, owner);
    expect.put(Caller.STRANGER, stranger);
    expect.put(Caller.COHORT_COACH, cohortCoach);
    expect.put(Caller.OTHER_COACH, otherCoach);
    expect.put(Caller.ADMIN, admin);
    return new Row(method, template, variant, call, expect);
  }

  private static Expect denied(Integer... statuses) {
    return new Expect(Kind.DENIED, Set.of(statuses), List.of());
  }

  private static Expect own(int status) {
    return new Expect(Kind.OWN, Set.of(status), List.of());
  }

  private static Expect sees(String... markers) {
    return new Expect(Kind.SEES, Set.of(200, 201), List.of(markers));
  }

  private static Expect allowed(int status) {
    return new Expect(Kind.ALLOWED, Set.of(status), List.of());
  }

  private static Expect stream() {
    return new Expect(Kind.STREAM, Set.of(200), List.of());
  }

  private static Expect endsSession() {
    return new Expect(Kind.ENDS_SESSION, Set.of(204), List.of());
  }

  /** What is wrong with {@code response} (nothing: an empty list). */
  private List<String> check(Expect expect, Call call, HttpResponse<String> response) {
    List<String> problems = new ArrayList<>();
    if (!expect.statuses().contains(response.statusCode())) {
      problems.add("status " + response.statusCode() + ", expected " + expect.statuses());
    }
    String body = response.body() == null ? "" : response.body();
    // what the caller sent (an id in the path) may come back in a problem's detail; anything else
    // of A's may not
    String sent = call.text();
    List<String> leaked =
        secrets.stream().filter(s -> !sent.contains(s)).filter(body::contains).toList();
    switch (expect.kind()) {
      case DENIED -> {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
          problems.add("Content-Type " + type + ", expected application/problem+json");
        }
        if (!leaked.isEmpty()) {
          problems.add("leaks " + leaked);
        }
      }
      case OWN -> {
        if (!leaked.isEmpty()) {
          problems.add("leaks " + leaked);
        }
      }
      case SEES ->
          expect.markers().stream()
              .filter(m -> !body.contains(m))
              .forEach(m -> problems.add("does not show " + m));
      default -> {}
    }
    return problems;
  }

  private HttpResponse<String> send(Caller caller, Call call) {
    Gateway gateway = caller == Caller.ANONYMOUS ? anonymous : accounts.get(caller).gateway();
    return gateway.exchange(call.method(), call.path(), call.contentType(), call.body());
  }

  private HttpResponse<String> probe(Gateway gateway, String path, int status, String who) {
    HttpResponse<String> response = gateway.get(path);
    Call call = get(path);
    Expect expect = status < 300 ? own(status) : denied(status);
    List<String> problems = check(expect, call, response);
    matrix.add(
        String.format(
            "GET %s | %s | %d%s",
            path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}"),
            who,
            response.statusCode(),
            problems.isEmpty() ? "" : "  <-- WRONG: " + String.join("; ", problems)));
    assertThat(problems)
        .as("GET " + path + " as " + who + ": " + abbreviate(response.body()))
        .isEmpty();
    return response;
  }

  /** A stream of the caller's events from the first one the gateway still holds. */
  private EventStream replay(Account account) {
    return EventStream.open(
        http,
        account
            .gateway()
            .builder("/api/events")
            .header("Accept", "text/event-stream")
            .header("Last-Event-ID", "0")
            .timeout(Duration.ofMinutes(5))
            .GET()
            .build());
  }

  private Account register(String name, String displayName) {
    String email = name + "@example.com";
    String password = "password-" + UUID.randomUUID();
    HttpResponse<String> registered =
        anonymous.postJson(
            "/api/auth/register",
            Json.write(Map.of("email", email, "password", password, "displayName", displayName)));
    return account(expect(registered, 201), email, displayName);
  }

  private Account login(String email, String password) {
    HttpResponse<String> signedIn =
        anonymous.postJson(
            "/api/auth/login", Json.write(Map.of("email", email, "password", password)));
    return account(
        expect(signedIn, 200),
        email,
        Json.read(signedIn.body()).path("user").path("displayName").asText());
  }

  /** A new account the admin promotes to coach; it signs in again for a token that says so. */
  private Account coach(Account admin, String name, String displayName) {
    String email = name + "@example.com";
    String password = "password-" + UUID.randomUUID();
    HttpResponse<String> registered =
        anonymous.postJson(
            "/api/auth/register",
            Json.write(Map.of("email", email, "password", password, "displayName", displayName)));
    String id = Json.read(expect(registered, 201)).path("user").path("id").asText();
    expect(
        admin
            .gateway()
            .exchange(
                "PUT",
                "/api/auth/users/" + id + "/role",
                "application/json",
                utf8(Json.write(Map.of("role", "COACH")))),
        200);
    Account coach = login(email, password);
    assertThat(Json.read(coach.gateway().get("/api/auth/me").body()).path("role").asText())
        .isEqualTo("COACH");
    return coach;
  }

  private Account account(String signedIn, String email, String displayName) {
    JsonNode node = Json.read(signedIn);
    String token = node.path("accessToken").asText();
    return new Account(
        node.path("user").path("id").asText(),
        email,
        displayName,
        token,
        anonymous.as(Gateway.Identity.bearer(token)));
  }

  private static JsonNode cohort(Gateway coach, String name) {
    return Json.read(
        expect(coach.postJson("/api/coach/cohorts", Json.write(Map.of("name", name))), 201));
  }

  private Map<String, Object> namedSession() {
    return Map.of("roleId", selfCheckRole, "questionIds", List.of(QUESTION));
  }

  /**
   * Mock interviews: A, her coach C and the admin read A's sessions; only A runs them (the rows
   * that change the open session run in the order start, pause, resume, skip, which completes it).
   */
  private List<Row> sessionRows(Account a) {
    String open = "/api/sessions/" + openSession;
    String question = open + "/questions/" + QUESTION;
    return List.of(
        row(
            "POST",
            "/api/sessions",
            "one's own",
            c -> jsonCall("POST", "/api/sessions", namedSession()),
            allowed(201),
            own(201),
            own(201),
            own(201),
            own(201)),
        row(
            "GET",
            "/api/sessions",
            "one's own",
            c -> get("/api/sessions"),
            sees(doneSession, openSession),
            own(200),
            own(200),
            own(200),
            own(200)),
        row(
            "GET",
            "/api/sessions",
            "?candidateId=A (for coaches)",
            c -> get("/api/sessions?candidateId=" + a.id()),
            sees(doneSession, openSession),
            denied(404),
            sees(doneSession, openSession),
            denied(404),
            sees(doneSession, openSession)),
        row(
            "GET",
            "/api/sessions/{id}",
            "A's completed session",
            c -> get("/api/sessions/" + doneSession),
            sees(doneSession),
            denied(404),
            sees(doneSession),
            denied(404),
            sees(doneSession)),
        row(
            "GET",
            "/api/sessions/{id}/report",
            "A's completed session",
            c -> get("/api/sessions/" + doneSession + "/report"),
            sees(sessionMarker),
            denied(404),
            sees(sessionMarker),
            denied(404),
            sees(sessionMarker)),
        row(
            "POST",
            "/api/attempts",
            "an answer naming A's completed session",
            c ->
                jsonCall(
                    "POST",
                    "/api/attempts",
                    Map.of(
                        "questionId", QUESTION, "answerText", "canary", "sessionId", doneSession)),
            denied(400),
            denied(404),
            denied(404),
            denied(404),
            denied(404)),
        runByA("/api/sessions/{id}/questions/{questionId}/start", question + "/start"),
        runByA("/api/sessions/{id}/pause", open + "/pause"),
        runByA("/api/sessions/{id}/resume", open + "/resume"),
        runByA("/api/sessions/{id}/questions/{questionId}/skip", question + "/skip"));
  }

  /** A change to A's open session: A only; everyone else, her coach and the admin too, gets 404. */
  private Row runByA(String template, String path) {
    return row(
        "POST",
        template,
        "A's open session",
        c -> jsonCall("POST", path, Map.of()),
        sees(openSession),
        denied(404),
        denied(404),
        denied(404),
        denied(404));
  }

  private String selfAssessment() {
    return Json.write(
        Map.of(
            "roleId",
            selfCheckRole,
            "ratings",
            List.of(Map.of("itemId", selfCheckItem, "rating", 3))));
  }

  private String quiz() {
    return Json.write(
        Map.of(
            "itemIds",
            List.of(quizItem),
            "answers",
            List.of(Map.of("itemId", quizItem, "optionId", quizOption))));
  }

  /**
   * The question-service test pack as the JSON import takes it: each file's path in the pack to its
   * text.
   */
  private static byte[] packUpload() throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> paths = Files.walk(TEST_PACK)) {
      for (Path file : paths.filter(Files::isRegularFile).sorted().toList()) {
        files.put(TEST_PACK.relativize(file).toString().replace('\\', '/'), Files.readString(file));
      }
    }
    return utf8(Json.write(Map.of("files", files)));
  }

  /**
   * The token with its payload edited to name {@code subject} as an admin; header and signature as
   * they were.
   */
  private static String edit(String token, String subject) throws IOException {
    String[] parts = token.split("\\.");
    ObjectNode claims =
        (ObjectNode)
            Json.read(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    claims.put("sub", subject);
    claims.putArray("roles").add("ADMIN");
    String payload =
        Base64.getUrlEncoder().withoutPadding().encodeToString(utf8(Json.write(claims)));
    return parts[0] + "." + payload + "." + parts[2];
  }

  private static String expect(HttpResponse<String> response, int status) {
    assertThat(response.statusCode())
        .as(response.request().method() + " " + response.uri() + ": " + response.body())
        .isEqualTo(status);
    return response.body();
  }

  private static String id(HttpResponse<String> response) {
    return id(response.body());
  }

  private static String id(String body) {
    String id = Json.read(body).path("id").asText();
    assertThat(id).as("id in " + body).isNotBlank();
    return id;
  }

  private static Call get(String path) {
    return new Call("GET", path, null, null);
  }

  private static Call jsonCall(String method, String path, Map<String, ?> body) {
    return new Call(method, path, "application/json", utf8(Json.write(body)));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String abbreviate(String body) {
    return body == null || body.length() <= 600
        ? String.valueOf(body)
        : body.substring(0, 600) + "...";
  }
}

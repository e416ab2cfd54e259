package dev.rehearse.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole suite as `./rehearse up` runs it (separate JVMs, embedded PostgreSQL, in-process Kafka,
 * real Vosk), on its own data directory and free ports, exercised only through the gateway. One
 * start for every check; the last test stops it and looks for anything left running.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class RunningSuiteIT {
  private static final String QUESTION = "open-serving-rollout";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(6);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root = Suite.root();
  private final Path home = root.resolve("system-tests/target/rehearse-home");
  private final Map<String, Integer> ports = new LinkedHashMap<>();
  private RehearseScript rehearse;
  private Gateway gateway;
  private boolean stopped;

  @BeforeAll
  void startTheSuite() throws IOException {
    List<Integer> free = FreePorts.take(6);
    List<String> names = List.of("GATEWAY", "QUESTION", "ASSESSMENT", "SPEECH", "POSTGRES", "KAFKA");
    for (int i = 0; i < names.size(); i++) {
      ports.put(names.get(i), free.get(i));
    }
    Map<String, String> env = new LinkedHashMap<>();
    env.put("REHEARSE_HOME", home.toString());
    // the reactor has just packaged every jar: never start a nested Maven build from a test
    env.put("REHEARSE_BUILD", "never");
    env.put("REHEARSE_START_TIMEOUT", "300");
    // class-data sharing pays off from the second start of the same jars; a test starts once
    env.put("REHEARSE_CDS", "off");
    ports.forEach((name, port) -> env.put("REHEARSE_" + name + "_PORT", String.valueOf(port)));
    rehearse = new RehearseScript(root, env);

    rehearse.run(Duration.ofMinutes(2), "down"); // a previous run that was killed
    deleteRecursively(home);
    RehearseScript.Result up = rehearse.run(START_TIMEOUT, "up");
    assertThat(up.exitCode()).as("./rehearse up failed; logs in " + home.resolve("logs") + ":\n" + up.output()).isZero();
    assertThat(up.output()).contains("http://localhost:" + ports.get("GATEWAY") + "/");

    gateway = signUp(new Gateway(URI.create("http://localhost:" + ports.get("GATEWAY")), Gateway.Identity.ANONYMOUS));
  }

  /**
   * A new candidate account, as the web app creates one; a gateway without accounts (the
   * foundation's trusted-header mode) gets the X-Candidate-Id header instead.
   */
  private static Gateway signUp(Gateway anonymous) {
    String name = "system-test-" + UUID.randomUUID();
    HttpResponse<String> registered = anonymous.postJson("/api/auth/register",
        json(Map.of("email", name + "@example.com", "password", UUID.randomUUID().toString(), "displayName", "System Test")));
    if (registered.statusCode() == 404) {
      return anonymous.as(Gateway.Identity.candidateHeader(name));
    }
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    return anonymous.as(Gateway.Identity.bearer(parse(registered.body()).path("accessToken").asText()));
  }

  @Test
  @Order(1)
  void statusShowsEveryPartRunningAndHealthy() {
    RehearseScript.Result status = rehearse.run(Duration.ofSeconds(60), "status");
    assertThat(status.exitCode()).isZero();
    assertThat(status.output().lines().filter(l -> l.matches("^(infrastructure|question-service|assessment-service|speech-service|gateway) .*")))
        .hasSize(5)
        .allMatch(l -> l.endsWith(" UP") || l.endsWith(" READY"), "UP or READY");
  }

  @Test
  @Order(2)
  void startingTwiceKeepsWhatRuns() {
    RehearseScript.Result again = rehearse.run(Duration.ofSeconds(90), "up");
    assertThat(again.exitCode()).isZero();
    assertThat(again.output()).contains("infrastructure already running").contains("gateway already running")
        .doesNotContain("starting ");
  }

  @Test
  @Order(3)
  void typedAnswerIsScoredAtOnceThroughTheGateway() {
    String answer = "I would start with a canary release on a small share of traffic, watch p99 latency and the error rate"
        + " against agreed thresholds, and roll back automatically to the previous version if they get worse.";
    // the question reaches assessment's catalog over Kafka shortly after start-up
    AtomicReference<HttpResponse<String>> scored = new AtomicReference<>();
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      scored.set(gateway.postJson("/api/attempts", json(Map.of("questionId", QUESTION, "answerText", answer))));
      assertThat(scored.get().statusCode()).as(scored.get().body()).isEqualTo(201);
    });

    JsonNode attempt = parse(scored.get().body());
    assertThat(attempt.path("questionId").asText()).isEqualTo(QUESTION);
    assertThat(attempt.path("score").asInt()).isPositive();
    assertThat(attempt.path("conceptsHit")).isNotEmpty();
  }

  @Test
  @Order(4)
  void spokenAnswerIsTranscribedScoredAndPushedOverSse() throws IOException {
    byte[] wav = Files.readAllBytes(root.resolve("speech-service/src/test/resources/audio/answers/serving-rollout.wav"));
    try (EventStream events = gateway.events()) {
      AtomicReference<HttpResponse<String>> accepted = new AtomicReference<>();
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
        accepted.set(gateway.postWav("/api/spoken-attempts?questionId=" + QUESTION, wav));
        assertThat(accepted.get().statusCode()).as(accepted.get().body()).isEqualTo(202);
      });
      String id = parse(accepted.get().body()).path("id").asText();
      assertThat(id).isNotBlank();

      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
          .untilAsserted(() -> assertThat(events.events()).anyMatch(e -> e.contains(id)));
      JsonNode pushed = parse(events.events().stream().filter(e -> e.contains(id)).findFirst().orElseThrow());
      assertThat(pushed.toString()).contains(QUESTION);

      HttpResponse<String> shown = gateway.get("/api/attempts/" + id);
      assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
      JsonNode attempt = parse(shown.body());
      assertThat(attempt.path("transcript").asText()).as("transcript").isNotBlank();
      assertThat(attempt.path("score").asInt()).as("score").isPositive();
      assertThat(attempt.path("mode").asText()).isEqualTo("SPOKEN");
    }
  }

  @Test
  @Order(5)
  void downStopsEverythingAndLeavesNothingRunning() {
    RehearseScript.Result down = rehearse.run(Duration.ofMinutes(3), "down");
    stopped = true;
    assertThat(down.exitCode()).as(down.output()).isZero();
    assertThat(processesUsing(home)).as("processes of this suite still running").isEmpty();
    assertThat(ports).allSatisfy((name, port) -> assertThat(FreePorts.isFree(port)).as(name + " port " + port + " free").isTrue());
    assertThat(home.resolve("postgres")).as("data is kept").isDirectory();
  }

  @AfterAll
  void stopWhatIsLeft() {
    if (rehearse != null && !stopped) {
      rehearse.run(Duration.ofMinutes(3), "down");
    }
  }

  /** Every process whose command line names the data directory: the JVMs (-Drehearse.home) and PostgreSQL (-D). */
  private static List<String> processesUsing(Path home) {
    String marker = home.toAbsolutePath().normalize().toString();
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
        .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
        .toList();
  }

  private static String json(Map<String, String> fields) {
    try {
      return JSON.writeValueAsString(fields);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      Iterator<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).iterator();
      while (deepestFirst.hasNext()) {
        Files.delete(deepestFirst.next());
      }
    }
  }
}

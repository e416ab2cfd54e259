package dev.rehearse.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
@Order(Order.DEFAULT) // the shared suite's last user: every class using it has a lower order
class RunningSuiteIT {
  private static final String QUESTION = "open-serving-rollout";

  private final Path root = Suite.root();
  private RunningSuite suite;
  private Path home;
  private Map<String, Integer> ports;
  private Script rehearse;
  private Gateway gateway;
  private boolean stopped;

  @BeforeAll
  void startTheSuite() {
    // one suite per test JVM, shared with BrowserIT (see RunningSuite)
    suite = RunningSuite.get();
    home = suite.home();
    ports = suite.ports();
    rehearse = suite.rehearse();
    assertThat(suite.upOutput()).contains("http://localhost:" + ports.get("GATEWAY") + "/");

    gateway =
        new Gateway(
                URI.create("http://localhost:" + ports.get("GATEWAY")), Gateway.Identity.ANONYMOUS)
            .signUp()
            .gateway();
  }

  @Test
  @Order(1)
  void statusShowsEveryPartRunningAndHealthy() {
    Script.Result status = rehearse.run(Duration.ofSeconds(60), "status");
    assertThat(status.exitCode()).isZero();
    assertThat(
            status
                .output()
                .lines()
                .filter(
                    l ->
                        l.matches(
                            "^(infrastructure|question-service|assessment-service|speech-service|gateway) .*")))
        .hasSize(5)
        .allMatch(l -> l.endsWith(" UP") || l.endsWith(" READY"), "UP or READY");
  }

  @Test
  @Order(1)
  void databasePasswordsAreGeneratedPrivateAndOnNoCommandLine() throws IOException {
    Path secrets = home.resolve("secrets");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)))
        .isEqualTo("rwx------");
    List<String> passwords = new ArrayList<>();
    for (String name : Stream.concat(Stream.of("admin"), Suite.SERVICES.stream()).toList()) {
      Path file = secrets.resolve("db-" + name);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .as(file.toString())
          .isEqualTo("rw-------");
      passwords.add(Files.readString(file).strip());
    }
    assertThat(passwords).doesNotHaveDuplicates().allMatch(p -> p.length() >= 32, "32+ chars");
    assertThat(processesUsing(home))
        .as("the suite's processes")
        .isNotEmpty()
        .noneMatch(command -> passwords.stream().anyMatch(command::contains));
  }

  @Test
  @Order(2)
  void startingTwiceKeepsWhatRuns() {
    Script.Result again = rehearse.run(Duration.ofSeconds(90), "up");
    assertThat(again.exitCode()).isZero();
    assertThat(again.output())
        .contains("infrastructure already running")
        .contains("gateway already running")
        .doesNotContain("starting ");
  }

  @Test
  @Order(3)
  void typedAnswerIsScoredAtOnceThroughTheGateway() {
    String answer =
        "I would start with a canary release on a small share of traffic, watch p99 latency and the error rate"
            + " against agreed thresholds, and roll back automatically to the previous version if they get worse.";
    // the question reaches assessment's catalog over Kafka shortly after start-up
    HttpResponse<String> scored =
        Gateway.awaitStatus(
            () ->
                gateway.postJson(
                    "/api/attempts",
                    Json.write(Map.of("questionId", QUESTION, "answerText", answer))),
            201);

    JsonNode attempt = Json.read(scored.body());
    assertThat(attempt.path("questionId").asText()).isEqualTo(QUESTION);
    assertThat(attempt.path("score").asInt()).isPositive();
    assertThat(attempt.path("conceptsHit")).isNotEmpty();
  }

  @Test
  @Order(4)
  void spokenAnswerIsTranscribedScoredAndPushedOverSse() throws IOException {
    byte[] wav =
        Files.readAllBytes(
            root.resolve("speech-service/src/test/resources/audio/answers/serving-rollout.wav"));
    try (EventStream events = gateway.events()) {
      String id = gateway.submitSpokenAttempt(QUESTION, wav);
      assertThat(id).isNotBlank();

      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(200))
          .untilAsserted(() -> assertThat(events.events()).anyMatch(e -> e.contains(id)));
      JsonNode pushed =
          Json.read(events.events().stream().filter(e -> e.contains(id)).findFirst().orElseThrow());
      assertThat(pushed.toString()).contains(QUESTION);

      HttpResponse<String> shown = gateway.get("/api/attempts/" + id);
      assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
      JsonNode attempt = Json.read(shown.body());
      System.out.printf(
          "spoken attempt %s: score %s, transcript \"%s\"%n",
          id, attempt.path("score"), attempt.path("transcript").asText());
      assertThat(attempt.path("transcript").asText()).as("transcript").isNotBlank();
      assertThat(attempt.path("score").asInt()).as("score").isPositive();
      assertThat(attempt.path("mode").asText()).isEqualTo("SPOKEN");
    }
  }

  @Test
  @Order(5)
  void downStopsEverythingAndLeavesNothingRunning() {
    Script.Result down = suite.stop();
    stopped = true;
    assertThat(down.exitCode()).as(down.output()).isZero();
    assertThat(processesUsing(home)).as("processes of this suite still running").isEmpty();
    assertThat(ports)
        .allSatisfy(
            (name, port) ->
                assertThat(FreePorts.isFree(port)).as(name + " port " + port + " free").isTrue());
    assertThat(home.resolve("postgres")).as("data is kept").isDirectory();
  }

  @AfterAll
  void stopWhatIsLeft() {
    if (suite != null && !stopped) {
      suite.stop();
    }
  }

  /**
   * Every process whose command line names the data directory: the JVMs (-Drehearse.home) and
   * PostgreSQL (-D).
   */
  private static List<String> processesUsing(Path home) {
    String marker = home.toAbsolutePath().normalize().toString();
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
        .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
        .toList();
  }
}

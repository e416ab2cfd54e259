package dev.rehearse.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The running suite's metrics, read as an operator does (`./rehearse metrics`): every metric the
 * Grafana dashboard in the repository queries is exported by some service, and each service's page
 * needs the home's scrape token, which is on no command line.
 */
@Order(4)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsIT {
  /** A metric name in PromQL; one followed by "(" is a function. */
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![\\w:])[a-zA-Z_:][\\w:]*+(?!\\s*\\()");

  private static final Set<String> KEYWORDS =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "bool",
          "and",
          "or",
          "unless",
          "offset");

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private RunningSuite suite;
  private Script rehearse;

  @BeforeAll
  void suite() {
    suite = RunningSuite.get();
    rehearse = suite.rehearse();
    assertThat(rehearse).as("reads metrics with the ./rehearse of a suite it started").isNotNull();
  }

  @Test
  void everyMetricTheDashboardQueriesIsExportedBySomeService() throws IOException {
    Script.Result all = rehearse.capture(Duration.ofSeconds(60), "metrics");
    assertThat(all.exitCode()).as(all.output()).isZero();
    Set<String> exported = exported(all.output());
    for (String service : Suite.SERVICES) {
      assertThat(all.output()).contains("# ---- " + service + " :");
    }

    Set<String> queried = queried(Suite.root().resolve("compose/grafana/dashboards/rehearse.json"));
    assertThat(queried).contains("rehearse_outbox_backlog", "http_server_requests_seconds_bucket");
    assertThat(exported).containsAll(queried);
  }

  @Test
  void aFailedSignInShowsInTheGatewaysMetrics() {
    URI gateway = suite.gateway();
    HttpResponse<String> refused =
        send(
            HttpRequest.newBuilder(gateway.resolve("/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"nobody-metrics@rehearse.test\",\"password\":\"not a password\"}")));
    assertThat(refused.statusCode()).isEqualTo(401);

    Script.Result page = rehearse.capture(Duration.ofSeconds(30), "metrics", "gateway");
    assertThat(page.exitCode()).as(page.output()).isZero();
    Matcher unknown =
        Pattern.compile(
                "(?m)^rehearse_sign_in_failures_total\\{[^}]*reason=\"unknown_account\"[^}]*} (\\S+)$")
            .matcher(page.output());
    assertThat(unknown.find()).as(page.output()).isTrue();
    assertThat(Double.parseDouble(unknown.group(1))).isGreaterThanOrEqualTo(1);
    assertThat(page.output())
        .as("the gateway's page alone")
        .doesNotContain("rehearse_transcription");
  }

  /** The right token's answer is the other tests' ./rehearse metrics. */
  @Test
  void eachServicesPageNeedsTheScrapeTokenWhichIsPrivateAndOnNoCommandLine() throws IOException {
    Path file = suite.home().resolve("secrets/metrics-token");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    String token = Files.readString(file).strip();
    assertThat(token).hasSizeGreaterThanOrEqualTo(32);
    for (String service : Suite.SERVICES) {
      URI page =
          URI.create(
              "http://localhost:"
                  + suite.ports().get(Suite.part(service).variable())
                  + "/prometheus");
      assertThat(send(HttpRequest.newBuilder(page)).statusCode())
          .as(page.toString())
          .isEqualTo(401);
      assertThat(
              send(HttpRequest.newBuilder(page).header("Authorization", "Bearer " + token + "x"))
                  .statusCode())
          .as(page.toString())
          .isEqualTo(401);
      URI library = page.resolve("/metrics"); // micronaut-micrometer's, which would answer anyone
      assertThat(send(HttpRequest.newBuilder(library)).statusCode())
          .as(library.toString())
          .isEqualTo(404);
    }
    assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse("")))
        .noneMatch(command -> command.contains(token));
  }

  /** The metric names on Prometheus text pages (histograms as their _bucket, _sum and _count). */
  private static Set<String> exported(String pages) {
    Set<String> names = new TreeSet<>();
    pages
        .lines()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .map(line -> line.split("[{ ]", 2)[0])
        .forEach(names::add);
    return names;
  }

  /**
   * The metric names in the dashboard's PromQL: what is left of each expression without label
   * matchers, ranges, groupings, strings, numbers, functions and keywords.
   */
  private static Set<String> queried(Path dashboard) throws IOException {
    Set<String> names = new TreeSet<>();
    for (JsonNode panel : Json.read(Files.readString(dashboard)).path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        String expr =
            target
                .path("expr")
                .asText()
                .replaceAll("\"[^\"]*\"", "")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^\\]]*\\]", "")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", "")
                .replaceAll("\\b\\d+(\\.\\d+)?\\b", "");
        Matcher m = IDENTIFIER.matcher(expr);
        while (m.find()) {
          if (!KEYWORDS.contains(m.group())) {
            names.add(m.group());
          }
        }
      }
    }
    return names;
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(
          request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

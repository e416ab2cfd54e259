package dev.rehearse.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rehearse.platform.Note;
import dev.rehearse.platform.PlatformTest;
import dev.rehearse.platform.outbox.Outbox;
import dev.rehearse.platform.outbox.OutboxRelay;
import dev.rehearse.testsupport.Problems;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * /prometheus serves the metrics only to a scraper with the token; the outbox gauges follow the
 * table. The relay's schedule is an hour here, so the test decides when rows go out.
 */
@MicronautTest(transactional = false)
class ScrapeControllerTest extends PlatformTest {
  static final String TOKEN = "scrape-token-" + UUID.randomUUID();

  @Inject
  @Client("/")
  HttpClient http;

  @Inject Outbox outbox;
  @Inject OutboxRelay relay;
  @Inject TransactionOperations<Connection> tx;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>(super.getProperties());
    p.put("rehearse.metrics.token", TOKEN);
    p.put("rehearse.metrics.query-every", "100ms");
    p.put("rehearse.outbox.poll-interval", "1h");
    return p;
  }

  @Test
  void theScrapeTokenReadsThePrometheusText() {
    scrape(); // so the next scrape shows this request's latency too
    HttpResponse<String> response =
        http.toBlocking().exchange(HttpRequest.GET("/prometheus").bearerAuth(TOKEN), String.class);

    assertThat(response.getContentType())
        .hasValueSatisfying(t -> assertThat(t.getName()).isEqualTo("text/plain"));
    assertThat(response.body())
        .contains("# TYPE rehearse_outbox_backlog gauge")
        .contains("# TYPE rehearse_outbox_oldest_age_seconds gauge")
        .containsPattern(
            "http_server_requests_seconds_bucket\\{.*uri=\"/prometheus\".*le=\"0\\.0[0-9]+\"")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void theConsumersKafkaMetricsAreBound() {
    // the access-revocation listener every service runs: its lag is there from its start
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(scrape()).containsPattern("(?m)^kafka_consumer_records_lag_max\\w*\\{"));
  }

  @Test
  void aMissingOrWrongTokenIsRefusedWithAProblem() {
    Problems.assertProblem(http, HttpRequest.GET("/prometheus"), 401, "Authorization");
    Problems.assertProblem(
        http, HttpRequest.GET("/prometheus").bearerAuth(TOKEN + "x"), 401, "Authorization");
    Problems.assertProblem(
        http, HttpRequest.GET("/prometheus").basicAuth("prometheus", TOKEN), 401, "Authorization");
  }

  @Test
  void anUnsentRowRaisesTheBacklogUntilTheRelaySendsIt() {
    relay.relayBatch(); // whatever an earlier test left
    await().untilAsserted(() -> assertThat(gauge("rehearse_outbox_backlog")).isZero());

    tx.executeWrite(
        status -> {
          outbox.publish("rehearse.platform-test.metrics", "k", Note.of("waits"));
          return null;
        });
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              assertThat(gauge("rehearse_outbox_backlog")).isEqualTo(1);
              assertThat(gauge("rehearse_outbox_oldest_age_seconds")).isPositive();
            });

    assertThat(relay.relayBatch()).isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              assertThat(gauge("rehearse_outbox_backlog")).isZero();
              assertThat(gauge("rehearse_outbox_oldest_age_seconds")).isZero();
            });
  }

  private String scrape() {
    return http.toBlocking().retrieve(HttpRequest.GET("/prometheus").bearerAuth(TOKEN));
  }

  private double gauge(String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? (\\S+)$").matcher(scrape());
    assertThat(m.find()).as(name + " is exported").isTrue();
    return Double.parseDouble(m.group(1));
  }
}

package dev.rehearse.platform.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.rehearse.contracts.AccountDeleted;
import dev.rehearse.contracts.SessionCompleted;
import dev.rehearse.contracts.Topics;
import dev.rehearse.platform.PlatformTest;
import dev.rehearse.platform.inbox.EventInbox;
import dev.rehearse.testsupport.AccountTraces;
import dev.rehearse.testsupport.GatewayTokens;
import dev.rehearse.testsupport.KafkaProbe;
import dev.rehearse.testsupport.TestInfrastructure;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/**
 * A service's part of the export gathers every {@link PersonalData} bean for the caller (an admin
 * may name anyone); an {@link AccountDeleted} event erases every bean's rows and the outbox rows
 * naming the account, once, harmlessly again, and a broken event goes to the dead-letter topic;
 * events about the erased candidate that arrive later are dropped.
 */
@MicronautTest(transactional = false)
class AccountDataTest extends PlatformTest {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject AccountRows rows;
  @Inject AccountData data;
  @Inject EventInbox inbox;
  @Inject TransactionOperations<Connection> tx;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>(super.getProperties());
    p.put("micronaut.application.name", "platform-test");
    return p;
  }

  @Test
  void theExportHoldsTheCallersRowsOnlyAndAnAdminMayNameAnAccount() {
    String a = UUID.randomUUID().toString();
    String b = UUID.randomUUID().toString();
    effect(a);
    effect(b);

    Map<String, Object> mine = get("/api/personal-data", a, "CANDIDATE");
    assertThat(mine).containsEntry("service", "platform-test").containsEntry("accountId", a);
    assertThat(mine.get("sections").toString()).contains(a).doesNotContain(b);

    assertThat(get("/api/personal-data/" + a, UUID.randomUUID().toString(), "ADMIN").toString())
        .contains(a)
        .doesNotContain(b);
    HttpClientResponseException refused =
        catchThrowableOfType(
            () -> get("/api/personal-data/" + b, a, "COACH"), HttpClientResponseException.class);
    assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.FORBIDDEN.getCode());
    assertThat(refused.getResponse().getBody(String.class).orElse(""))
        .doesNotContain("test-effects");
  }

  @Test
  void anAccountDeletedEventErasesEveryPartAndTheOutboxRowsNamingIt() {
    String a = UUID.randomUUID().toString();
    String b = UUID.randomUUID().toString();
    effect(a);
    effect(b);
    outbox(a, "{\"candidateId\":\"" + a + "\"}");
    outbox("attempt-" + UUID.randomUUID(), "{\"candidateId\":\"" + a + "\",\"score\":3}");
    outbox(b, "{\"candidateId\":\"" + b + "\"}");
    assertThat(traces(a)).hasSize(3);

    String event = event(UUID.randomUUID(), a);
    KafkaProbe.send(Topics.GATEWAY_ACCOUNTS, a, event);
    await().atMost(Duration.ofSeconds(30)).until(() -> traces(a).isEmpty());
    assertThat(traces(b)).hasSize(3);

    // a replay, and a second deletion of the same account, change nothing and fail nothing
    KafkaProbe.send(Topics.GATEWAY_ACCOUNTS, a, event);
    String again = event(UUID.randomUUID(), a);
    KafkaProbe.send(Topics.GATEWAY_ACCOUNTS, a, again);
    UUID againId = fromJson(again, AccountDeleted.class).eventId();
    await().atMost(Duration.ofSeconds(30)).until(() -> processed(againId));
    assertThat(traces(b)).hasSize(3);
    try (KafkaProbe dlq = new KafkaProbe(Topics.deadLetter(Topics.GATEWAY_ACCOUNTS))) {
      assertThat(dlq.records(r -> a.equals(r.key()))).isEmpty();
    }
  }

  @Test
  void anEventAboutAnErasedCandidateArrivingAfterTheDeletionIsDropped() {
    String erasedOne = UUID.randomUUID().toString();
    String other = UUID.randomUUID().toString();
    tx.executeWrite(
        status -> {
          data.erase(erasedOne);
          return null;
        });
    List<String> applied = new ArrayList<>();
    for (String candidate : List.of(erasedOne, other)) {
      SessionCompleted late =
          new SessionCompleted(
              UUID.randomUUID(),
              SessionCompleted.SCHEMA_VERSION,
              Instant.now(),
              UUID.randomUUID(),
              candidate,
              "role",
              null,
              1,
              1,
              0,
              50);
      inbox.accept(
          "platform-test-late",
          new ConsumerRecord<>(Topics.ASSESSMENT_SESSIONS, 0, 0L, candidate, toJson(late)),
          SessionCompleted.class,
          e -> applied.add(e.candidateId()));
    }
    assertThat(applied).containsExactly(other);
    assertThat(traces(erasedOne)).as("only a hash of the erased id is kept").isEmpty();
  }

  @Test
  void aBrokenEventIsDeadLettered() {
    String key = UUID.randomUUID().toString();
    String broken = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"accountId\":\"\"}";
    KafkaProbe.send(Topics.GATEWAY_ACCOUNTS, key, broken);
    try (KafkaProbe dlq = new KafkaProbe(Topics.deadLetter(Topics.GATEWAY_ACCOUNTS))) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !dlq.records(r -> key.equals(r.key())).isEmpty());
      assertThat(
              KafkaProbe.header(
                  dlq.records(r -> key.equals(r.key())).get(0), Topics.DLQ_REASON_HEADER))
          .contains("invalid AccountDeleted");
    }
  }

  @Test
  void topicsCarryingTextKeepRecordsForTheConfiguredHoursOnTheBroker() throws Exception {
    long sixHours = Duration.ofHours(6).toMillis();
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers());
    try (Admin admin = Admin.create(p)) {
      for (String topic :
          List.of(
              Topics.SPEECH_TRANSCRIPTS,
              Topics.deadLetter(Topics.SPEECH_TRANSCRIPTS),
              Topics.SPEECH_PRONUNCIATIONS,
              Topics.ASSESSMENT_REVIEWED)) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value())
            .as(topic)
            .isEqualTo(String.valueOf(sixHours));
      }
      ConfigResource scored =
          new ConfigResource(ConfigResource.Type.TOPIC, Topics.ASSESSMENT_SCORED);
      assertThat(
              admin
                  .describeConfigs(List.of(scored))
                  .all()
                  .get()
                  .get(scored)
                  .get(TopicConfig.RETENTION_MS_CONFIG)
                  .value())
          .as("ids and figures only: the broker's default")
          .isNotEqualTo(String.valueOf(sixHours));
    }
  }

  private Map<String, Object> get(String path, String subject, String role) {
    return http.toBlocking()
        .retrieve(
            HttpRequest.GET(path).bearerAuth(GatewayTokens.token(subject, role)),
            Argument.mapOf(String.class, Object.class));
  }

  private String event(UUID id, String account) {
    return toJson(new AccountDeleted(id, AccountDeleted.SCHEMA_VERSION, Instant.now(), account));
  }

  private void effect(String account) {
    write("INSERT INTO test_effect (event_id, text) VALUES (?, ?)", UUID.randomUUID(), account);
  }

  private void outbox(String key, String payload) {
    write(
        "INSERT INTO outbox_message (topic, message_key, payload, created_at, sent_at)"
            + " VALUES ('rehearse.platform-test', ?, ?, now(), now())",
        key,
        payload);
  }

  private List<String> traces(String account) {
    return tx.executeRead(s -> AccountTraces.find(s.getConnection(), "platform_test", account));
  }

  private boolean processed(UUID eventId) {
    return tx.executeRead(
        s ->
            !rows.list(
                    "SELECT 1 FROM processed_event WHERE event_id = ? AND consumer = ?",
                    eventId,
                    AccountDeletedListener.CONSUMER)
                .isEmpty());
  }

  private void write(String sql, Object... params) {
    tx.executeWrite(s -> rows.update(sql, params));
  }
}

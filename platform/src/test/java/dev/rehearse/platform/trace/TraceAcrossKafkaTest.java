package dev.rehearse.platform.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rehearse.platform.Note;
import dev.rehearse.platform.PlatformTest;
import dev.rehearse.platform.inbox.DeadLetteringListener;
import dev.rehearse.platform.inbox.DeadLetters;
import dev.rehearse.platform.inbox.EventInbox;
import dev.rehearse.platform.inbox.InboxListener;
import dev.rehearse.platform.outbox.Outbox;
import dev.rehearse.testsupport.KafkaProbe;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.opentelemetry.api.trace.SpanKind;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A trace goes through Kafka: the outbox keeps the trace of the transaction that wrote an event,
 * the relay sends it as the record's {@code traceparent} header, and the inbox handles the record
 * in a span of that same trace.
 */
@MicronautTest(transactional = false)
class TraceAcrossKafkaTest extends PlatformTest {
  static final String TOPIC = "rehearse.platform-test.traced";
  static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  static final String REQUEST_SPAN = "b7ad6b7169203331";

  @Inject Outbox outbox;
  @Inject TransactionOperations<Connection> tx;
  @Inject Traces traces;
  @Inject Handler handler;

  @Test
  void theRelaySendsTheTraceOfTheTransactionThatWroteTheEventAsTheTraceparentHeader() {
    Note note = Note.of("header-" + UUID.randomUUID());
    try (KafkaProbe topic = new KafkaProbe(TOPIC)) {
      publishInRequest(note);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !topic.records(r -> r.value().contains(note.text())).isEmpty());
      ConsumerRecord<String, String> record =
          topic.records(r -> r.value().contains(note.text())).get(0);
      // the request's trace, and the span that wrote the row (a child of the request's span)
      assertThat(KafkaProbe.header(record, Traces.TRACEPARENT))
          .matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01")
          .doesNotContain(REQUEST_SPAN);
    }
  }

  @Test
  void theInboxHandlesARecordInTheTraceOfItsHeader() {
    Note note = Note.of("continued-" + UUID.randomUUID());
    publishInRequest(note);
    await().atMost(Duration.ofSeconds(30)).until(() -> handler.traceIds.containsKey(note.text()));
    assertThat(handler.traceIds.get(note.text())).isEqualTo(TRACE_ID);
  }

  @Test
  void aRecordWithoutATraceIsHandledInATraceOfItsOwn() {
    Note note = Note.of("untraced-" + UUID.randomUUID());
    KafkaProbe.send(TOPIC, note.eventId().toString(), toJson(note));
    await().atMost(Duration.ofSeconds(30)).until(() -> handler.traceIds.containsKey(note.text()));
    assertThat(handler.traceIds.get(note.text())).matches("[0-9a-f]{32}").isNotEqualTo(TRACE_ID);
  }

  /** As a request of trace {@link #TRACE_ID} would: in its span, in a transaction. */
  private void publishInRequest(Note note) {
    try (var request =
        traces.continueFrom(
            "00-" + TRACE_ID + "-" + REQUEST_SPAN + "-01", "test request", SpanKind.SERVER)) {
      tx.executeWrite(
          status -> {
            outbox.publish(TOPIC, note.eventId().toString(), note);
            return null;
          });
    }
  }

  /** Notes the trace id current while each note's effect runs. */
  @InboxListener(groupId = Handler.GROUP)
  static class Handler extends DeadLetteringListener {
    static final String GROUP = "platform-trace-test";
    final Map<String, String> traceIds = new ConcurrentHashMap<>();
    private final EventInbox inbox;

    Handler(EventInbox inbox, DeadLetters deadLetters) {
      super(deadLetters, GROUP);
      this.inbox = inbox;
    }

    @Topic(TOPIC)
    void on(ConsumerRecord<String, String> record) {
      inbox.accept(GROUP, record, Note.class, n -> traceIds.put(n.text(), Traces.currentTraceId()));
    }
  }
}

package dev.rehearse.gateway.live;

import dev.rehearse.platform.trace.Traces;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.opentelemetry.api.trace.SpanKind;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * This instance's open SSE connections. It polls {@code live_event} for rows past the highest id it
 * has seen and hands each row to the connections of its candidate; every instance does the same, so
 * an event reaches the candidate whichever instance holds the connection.
 */
@Singleton
public class LiveEventHub {
  private static final Logger LOG = LoggerFactory.getLogger(LiveEventHub.class);
  private static final int BATCH = 500;
  private static final long UNKNOWN = -1;

  private final LiveEventRepository events;
  private final Traces traces;
  private final Duration retention;
  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private long cursor = UNKNOWN;

  public LiveEventHub(
      LiveEventRepository events,
      Traces traces,
      @Value("${rehearse.gateway.events.retention:7d}") Duration retention) {
    this.events = events;
    this.traces = traces;
    this.retention = retention;
  }

  private static final class Connection {
    final String candidateId;
    final Sinks.Many<LiveEvent> sink = Sinks.many().unicast().onBackpressureBuffer();
    long lastId;

    Connection(String candidateId) {
      this.candidateId = candidateId;
    }
  }

  /**
   * The candidate's events from now on; with {@code lastEventId}, first those after it that the
   * table still holds. Registration and replay happen under the poller's lock: nothing is lost or
   * sent twice in between.
   */
  public synchronized Flux<LiveEvent> subscribe(String candidateId, Long lastEventId) {
    if (cursor == UNKNOWN) {
      cursor = events.maxId();
    }
    Connection c = new Connection(candidateId);
    c.lastId = cursor;
    if (lastEventId != null) {
      for (LiveEvent missed : events.missed(candidateId, lastEventId, cursor)) {
        c.sink.tryEmitNext(missed);
      }
      c.lastId = Math.max(cursor, lastEventId);
    }
    connections.add(c);
    return c.sink.asFlux().doFinally(signal -> connections.remove(c));
  }

  @Scheduled(fixedDelay = "${rehearse.gateway.events.poll-interval:200ms}")
  synchronized void poll() {
    if (connections.isEmpty()) {
      cursor = UNKNOWN; // nobody listens: read nothing until someone subscribes
      return;
    }
    try {
      List<LiveEvent> batch;
      do {
        batch = events.after(cursor, BATCH);
        for (LiveEvent e : batch) {
          deliver(e);
          cursor = e.id();
        }
      } while (batch.size() == BATCH);
    } catch (RuntimeException e) {
      LOG.warn("Live events paused, will retry: {}", e.getMessage());
    }
  }

  private void deliver(LiveEvent e) {
    int sent = 0;
    for (Connection c : connections) {
      if (c.candidateId.equals(e.candidateId()) && e.id() > c.lastId) {
        c.lastId = e.id();
        c.sink.tryEmitNext(e);
        sent++;
      }
    }
    if (sent > 0) {
      try (var span = traces.continueFrom(e.traceParent(), "live event push", SpanKind.PRODUCER)) {
        LOG.info("Sent live event {} ({}) to {} connection(s)", e.id(), e.kind(), sent);
      }
    }
  }

  @Scheduled(fixedDelay = "1h", initialDelay = "5m")
  void purge() {
    int removed = events.deleteOlderThan(Instant.now().minus(retention));
    if (removed > 0) {
      LOG.info("Purged {} live events older than {}", removed, retention);
    }
  }
}

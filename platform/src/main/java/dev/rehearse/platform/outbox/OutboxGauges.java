package dev.rehearse.platform.outbox;

import dev.rehearse.platform.metrics.CachedQuery;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/**
 * The outbox's backlog as gauges: a growing backlog or an old unsent row means the relay cannot
 * reach Kafka. Counted by one query at most every {@code rehearse.metrics.query-every}.
 */
@Singleton
public class OutboxGauges implements MeterBinder {
  private final CachedQuery<OutboxBacklog> backlog;

  public OutboxGauges(
      OutboxRepository repository,
      @Value("${rehearse.metrics.query-every:5s}") Duration queryEvery) {
    this.backlog = new CachedQuery<>(queryEvery, repository::backlog);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("rehearse.outbox.backlog", () -> backlog.read(OutboxBacklog::unsent))
        .description("Outbox rows not yet published to Kafka")
        .register(registry);
    Gauge.builder(
            "rehearse.outbox.oldest.age",
            () -> backlog.read(b -> b.oldestAgeSeconds(Instant.now())))
        .description("How long the oldest unpublished outbox row has waited")
        .baseUnit("seconds")
        .register(registry);
  }
}

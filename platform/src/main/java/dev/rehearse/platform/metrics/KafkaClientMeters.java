package dev.rehearse.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Of the Kafka clients' metrics (micronaut-kafka binds every consumer's and producer's), only the
 * per-client figures: the per-broker, per-topic and per-partition copies share their names with
 * different tags, which Prometheus cannot hold under one name, and would multiply the series.
 * {@code kafka.consumer.records-lag-max} per client (one client per listener, so per consumer
 * group) is the lag the dashboard shows.
 */
@Singleton
public class KafkaClientMeters implements MeterFilter {
  private static final Set<String> FINER = Set.of("node-id", "topic", "partition");

  @Override
  public MeterFilterReply accept(Meter.Id id) {
    if (id.getName().startsWith("kafka.")
        && id.getTags().stream().anyMatch(t -> FINER.contains(t.getKey()))) {
      return MeterFilterReply.DENY;
    }
    return MeterFilterReply.NEUTRAL;
  }
}

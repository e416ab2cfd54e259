package dev.rehearse.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * HTTP request timers keep a histogram (buckets from 1 ms to 30 s), so Prometheus can give the
 * latency percentiles of each route across every instance of a service: percentiles worked out in
 * each JVM could not be combined.
 */
@Singleton
public class LatencyHistograms implements MeterFilter {
  static final String HTTP_SERVER_REQUESTS = "http.server.requests";

  @Override
  public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
    if (!id.getName().equals(HTTP_SERVER_REQUESTS)) {
      return config;
    }
    return DistributionStatisticConfig.builder()
        .percentilesHistogram(true)
        .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
        .maximumExpectedValue((double) Duration.ofSeconds(30).toNanos())
        .build()
        .merge(config);
  }
}

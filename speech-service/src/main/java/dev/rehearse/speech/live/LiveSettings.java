package dev.rehearse.speech.live;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * {@code rehearse.speech.live.*}: the longest live answer (a client may ask for less), how far the
 * audio may run ahead of the wall clock (a client sending faster than it can record is sending the
 * wrong format, or using the service as a batch recogniser), how long a dropped answer waits to be
 * resumed, how many live answers one instance holds, and the threads recognising them (0: one per
 * core).
 */
@ConfigurationProperties("rehearse.speech.live")
public record LiveSettings(
    @Bindable(defaultValue = "3m") Duration maxDuration,
    @Bindable(defaultValue = "10s") Duration burstAhead,
    @Bindable(defaultValue = "60s") Duration resumeWithin,
    @Min(1) @Bindable(defaultValue = "32") int maxOpen,
    @Min(0) @Bindable(defaultValue = "0") int threads) {

  int threadCount() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }
}

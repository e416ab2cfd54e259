package dev.rehearse.speech.live;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * {@code rehearse.speech.live.*}: the longest live answer (a client may ask for less), how far the
 * audio may run ahead of the wall clock (a client sending faster than it can record is sending the
 * wrong format, or using the service as a batch recogniser), how long a dropped answer waits to be
 * resumed, how many live answers one instance holds (0: three per core, what bench/speech measured
 * it to recognise in real time; more would make every answer lag, so the next candidate is told to
 * try later or upload), and the threads recognising them (0: one per core).
 */
@ConfigurationProperties("rehearse.speech.live")
public record LiveSettings(
    @Bindable(defaultValue = "3m") Duration maxDuration,
    @Bindable(defaultValue = "10s") Duration burstAhead,
    @Bindable(defaultValue = "60s") Duration resumeWithin,
    @Min(0) @Bindable(defaultValue = "0") int maxOpen,
    @Min(0) @Bindable(defaultValue = "0") int threads) {

  int openLimit() {
    return maxOpen > 0 ? maxOpen : 3 * Runtime.getRuntime().availableProcessors();
  }

  int threadCount() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }
}

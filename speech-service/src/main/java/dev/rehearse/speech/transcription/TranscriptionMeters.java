package dev.rehearse.speech.transcription;

import dev.rehearse.platform.metrics.CachedQuery;
import dev.rehearse.speech.vosk.VoskEngine;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import java.time.Duration;

/**
 * The transcription queue as metrics: jobs waiting (shared by every instance, so any one's gauge
 * tells), how long each transcription took, and its real-time factor (seconds of work per second of
 * audio; above 1 the queue can only grow).
 */
@Context
public class TranscriptionMeters {
  private final Timer duration;
  private final DistributionSummary realTimeFactor;

  public TranscriptionMeters(
      MeterRegistry registry,
      SpokenAttemptRepository attempts,
      @Value("${rehearse.metrics.query-every:5s}") Duration queryEvery) {
    CachedQuery<Long> queued = new CachedQuery<>(queryEvery, attempts::countQueued);
    Gauge.builder("rehearse.transcription.queue.depth", () -> queued.read(n -> n))
        .description("Spoken answers waiting to be transcribed")
        .register(registry);
    this.duration =
        Timer.builder("rehearse.transcription")
            .description("Time to transcribe one spoken answer")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(100))
            .maximumExpectedValue(Duration.ofMinutes(5))
            .register(registry);
    this.realTimeFactor =
        DistributionSummary.builder("rehearse.transcription.real.time.factor")
            .description("Seconds spent transcribing per second of audio")
            .serviceLevelObjectives(0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3)
            .register(registry);
  }

  /** One transcription of {@code pcm} (16 kHz, 16-bit mono) that took {@code nanos}. */
  void transcribed(byte[] pcm, long nanos) {
    duration.record(Duration.ofNanos(nanos));
    double audioSeconds = pcm.length / (double) VoskEngine.BYTES_PER_SECOND;
    if (audioSeconds > 0) {
      realTimeFactor.record(nanos / 1e9 / audioSeconds);
    }
  }
}

package dev.rehearse.speech.transcription;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * {@code rehearse.speech.queue.*}: how many unfinished spoken answers one candidate may have
 * (beyond that an upload is refused with 429), and the Retry-After that refusal suggests.
 */
@ConfigurationProperties("rehearse.speech.queue")
public record QueueSettings(
    @Min(1) @Bindable(defaultValue = "3") int maxWaitingPerCandidate,
    @Bindable(defaultValue = "30s") Duration retryAfter) {}

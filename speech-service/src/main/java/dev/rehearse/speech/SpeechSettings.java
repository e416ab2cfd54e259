package dev.rehearse.speech;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;

/**
 * {@code rehearse.speech.*}: where the Vosk model is, whether audio is kept after transcription
 * (off by default, for privacy), how many idle free-form recognizers to keep, how often a running
 * job reports progress, how long a transcription's lease lasts (its worker renews it every third of
 * that; a job whose lease ran out, its worker dead, is taken over by any instance), how long a
 * spoken answer may last (checked from the WAV header) and how long decoding one may take.
 */
@ConfigurationProperties("rehearse.speech")
public record SpeechSettings(
    @NotBlank @Bindable(defaultValue = "target/vosk-model/model-en-us") String modelPath,
    @Bindable(defaultValue = "false") boolean retainAudio,
    @Min(1) @Bindable(defaultValue = "3") int idleRecognizers,
    @Min(1) @Bindable(defaultValue = "5") int progressEverySeconds,
    @Bindable(defaultValue = "30s") Duration lease,
    @Min(1) @Bindable(defaultValue = "3") int maxTries,
    @Bindable(defaultValue = "2m") Duration maxDuration,
    @Bindable(defaultValue = "10s") Duration decodeDeadline) {}

package dev.rehearse.speech.transcription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rehearse.speech.SpeechTestBase;
import dev.rehearse.speech.Wavs;
import dev.rehearse.speech.catalog.CatalogRepository;
import dev.rehearse.speech.transcription.SpokenAttempt.Status;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With rehearse.speech.retain-audio on, the recording is kept after transcription instead of being
 * deleted.
 */
@MicronautTest(transactional = false)
@Property(name = "rehearse.speech.retain-audio", value = "true")
class RetainedAudioTest extends SpeechTestBase {
  @Inject CatalogRepository catalog;
  @Inject SpokenAttemptRepository attempts;
  @Inject SpokenAudioRepository audio;

  @Test
  void audioIsKeptAfterTranscriptionWhenRetentionIsOn() {
    publish(servingQuestion());
    await().atMost(Duration.ofSeconds(30)).until(() -> catalog.existsById(SERVING_QUESTION));
    byte[] wav = audio("formats/mono-16k.wav");
    UUID id =
        http.toBlocking()
            .retrieve(
                wavPost("/api/spoken-attempts?questionId=" + SERVING_QUESTION, "c-retain", wav),
                SpokenAttemptController.Accepted.class)
            .id();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> attempts.findById(id).orElseThrow().status() == Status.TRANSCRIBED);
    assertThat(audio.findById(id))
        .hasValueSatisfying(kept -> assertThat(kept.pcm()).isEqualTo(Wavs.pcm(wav)));
  }
}

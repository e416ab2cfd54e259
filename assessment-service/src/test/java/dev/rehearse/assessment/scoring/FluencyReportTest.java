package dev.rehearse.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.contracts.TranscriptReady;
import dev.rehearse.contracts.TranscriptReady.Fluency;
import dev.rehearse.contracts.TranscriptReady.Word;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FluencyReportTest {

  @Test
  void aSteadyAnswerGetsNoDeliveryAdviceBeyondConfirmation() {
    FluencyReport r =
        FluencyReport.of(spoken(words(40, 0.35, 0.05), 20, new Fluency(130, 0, 0, 0, 0)));
    assertThat(r.pace()).isEqualTo("comfortable");
    assertThat(r.longPauses()).isZero();
    assertThat(r.feedback())
        .singleElement()
        .asString()
        .startsWith("Delivery: pace (130 words per minute)");
  }

  @Test
  void slowHesitantAnswerIsToldAboutPaceFillersAndWhereItPaused() {
    List<Word> words =
        new ArrayList<>(
            List.of(
                new Word("so", 0.0, 0.3, 0.9),
                new Word("um", 0.4, 0.6, 0.9),
                new Word("we", 2.0, 2.2, 0.9),
                new Word("uh", 2.3, 2.5, 0.9),
                new Word("checkpoint", 2.6, 3.2, 0.9),
                new Word("you", 4.5, 4.6, 0.9),
                new Word("know", 4.6, 4.8, 0.9),
                new Word("often", 4.9, 5.3, 0.9)));
    FluencyReport r = FluencyReport.of(spoken(words, 8, new Fluency(60, 0, 0, 0, 0)));

    assertThat(r.pace()).isEqualTo("slow");
    assertThat(r.fillerCount()).isEqualTo(3);
    assertThat(r.fillerRate()).isEqualTo(0.38);
    assertThat(r.longPauses()).isEqualTo(2);
    assertThat(r.pauses()).first().isEqualTo(new FluencyReport.Pause("um", 0.6, 1.4));
    assertThat(r.feedback())
        .anyMatch(f -> f.startsWith("Pace: 60 words per minute is slow"))
        .anyMatch(f -> f.startsWith("Fillers: 3 (38% of words) distract"))
        .anyMatch(f -> f.startsWith("Pauses: 2 pauses longer than 1 s"));
  }

  @Test
  void aLongSilenceAndAFastPaceAreNamed() {
    List<Word> words = new ArrayList<>(words(30, 0.2, 0.02));
    words.add(new Word("then", 12.0, 12.2, 0.9));
    FluencyReport r = FluencyReport.of(spoken(words, 12.2, new Fluency(190, 1, 0.03, 1, 5.3)));
    assertThat(r.pace()).isEqualTo("fast");
    assertThat(r.longestPause()).isGreaterThan(FluencyReport.VERY_LONG_PAUSE_SECONDS);
    assertThat(r.feedback())
        .anyMatch(f -> f.startsWith("Pace: 190 words per minute is fast"))
        .anyMatch(f -> f.contains("silence sounds like being stuck"));
  }

  private static List<Word> words(int n, double length, double gap) {
    List<Word> out = new ArrayList<>();
    double t = 0;
    for (int i = 0; i < n; i++) {
      out.add(new Word("word" + i, t, t + length, 0.9));
      t += length + gap;
    }
    return out;
  }

  private static TranscriptReady spoken(List<Word> words, double duration, Fluency fluency) {
    String text = String.join(" ", words.stream().map(Word::word).toList());
    return new TranscriptReady(
        UUID.randomUUID(),
        1,
        Instant.now(),
        UUID.randomUUID(),
        "c",
        "q",
        text,
        words,
        duration,
        fluency);
  }
}

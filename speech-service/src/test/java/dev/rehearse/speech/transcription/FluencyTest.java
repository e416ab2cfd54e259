package dev.rehearse.speech.transcription;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.speech.vosk.RecognizedWord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FluencyTest {
  @Test
  void speakingRatePausesAndFillersComeFromWordTimes() {
    // 10 words at 0.4 s each, a 1.5 s pause after the fifth: 11 s of speaking
    List<RecognizedWord> words = new ArrayList<>();
    String[] said = {"um", "we", "would", "like", "to", "like", "ship", "it", "you", "know"};
    double t = 0.5;
    for (int i = 0; i < said.length; i++) {
      words.add(new RecognizedWord(said[i], t, t + 0.4, 1));
      t += i == 4 ? 1.9 : 0.4;
    }
    var f = Fluency.of(words, 12);
    assertThat(f.longPauses()).isEqualTo(1);
    assertThat(f.longestPause()).isEqualTo(1.5);
    assertThat(f.fillerCount()).as("um, the second like, you know; not 'would like'").isEqualTo(3);
    double minutes = (words.get(9).end() - 0.5) / 60;
    assertThat(f.wordsPerMinute())
        .isCloseTo(10 / minutes, org.assertj.core.data.Offset.offset(0.1));
    assertThat(f.fillerRate()).isCloseTo(3 / minutes, org.assertj.core.data.Offset.offset(0.1));
  }

  @Test
  void youKnowStartingAClauseIsNotAFiller() {
    assertThat(Fluency.fillers(List.of("you", "know", "what", "breaks"))).isZero();
    assertThat(Fluency.fillers(List.of("i", "mean", "that", "one"))).isZero();
    assertThat(Fluency.fillers(List.of("uh", "i", "mean", "we", "roll", "back"))).isEqualTo(2);
  }
}

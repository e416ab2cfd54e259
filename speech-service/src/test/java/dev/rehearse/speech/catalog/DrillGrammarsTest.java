package dev.rehearse.speech.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DrillGrammarsTest {
  @Test
  void spokenFormsAreNormalisedForTheRecogniser() {
    assertThat(DrillGrammars.normalise("G. P. U.")).isEqualTo("g p u");
    assertThat(DrillGrammars.normalise("en-vee-link")).isEqualTo("en vee link");
    assertThat(DrillGrammars.normalise("H100")).isEqualTo("h one zero zero");
    assertThat(DrillGrammars.letters("K8s")).isEqualTo("k eight s");
  }

  @Test
  void commonMistakeNotesYieldTheSayingsTheyQuote() {
    assertThat(
            DrillGrammars.mistakes("Reading it as the word \"slow\", which can confuse listeners."))
        .containsExactly("slow");
    assertThat(DrillGrammars.mistakes("Mixing up V and B (\"D B C\"); or \u201cD V V\u201d"))
        .containsExactly("d b c", "d v v");
    assertThat(DrillGrammars.mistakes("N C C L")).containsExactly("n c c l");
    assertThat(DrillGrammars.mistakes(null)).isEmpty();
  }
}

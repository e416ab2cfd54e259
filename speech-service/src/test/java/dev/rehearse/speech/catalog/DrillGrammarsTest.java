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
}

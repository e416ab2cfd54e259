package dev.rehearse.speech.pronunciation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneticsTest {
  @Test
  void lettersAreReadAsTheirNames() {
    assertThat(Phonetics.spoken("n c c l")).isEqualTo("en see see el");
    assertThat(Phonetics.spoken("k eight s")).isEqualTo("kay eight ess");
  }

  @Test
  void soundAlikesAreCloseAndOtherWordsAreFar() {
    assertThat(Phonetics.similarity("gates", "kates")).isEqualTo(1.0);
    assertThat(Phonetics.similarity("jax", "jacks")).isEqualTo(1.0);
    assertThat(Phonetics.similarity("g d you", "g p u")).isGreaterThan(0.6);
    assertThat(Phonetics.similarity("python", "pie torch"))
        .isLessThan(Phonetics.similarity("pie torch", "pie torch") - 0.3);
    assertThat(Phonetics.similarity("leveling", "deep speed")).isLessThan(0.3);
  }
}

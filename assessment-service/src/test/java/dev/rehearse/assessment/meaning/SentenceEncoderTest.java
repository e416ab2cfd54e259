package dev.rehearse.assessment.meaning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The model runs in process and gives unit vectors in which close meanings are close. */
class SentenceEncoderTest {
  private final SentenceEncoder encoder = new SentenceEncoder();

  @Test
  void vectorsHaveUnitLengthAndCloseMeaningsAreCloserThanUnrelatedOnes() {
    float[][] v =
        encoder.encode(
            List.of(
                "we roll back to the previous model version",
                "we return to the last good release of the model",
                "I enjoy working in a team"));
    assertThat(v).hasNumberOfRows(3);
    assertThat(v[0]).hasSize(384);
    assertThat(SentenceEncoder.cosine(v[0], v[0]))
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(SentenceEncoder.cosine(v[0], v[1]))
        .isGreaterThan(SentenceEncoder.cosine(v[0], v[2]) + 0.2);
  }

  @Test
  void noTextsGiveNoVectors() {
    assertThat(encoder.encode(List.of())).isEmpty();
  }
}

package dev.rehearse.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SigningSecretTest {
  @Test
  void aMissingOrShortKeyIsRefusedWithWhatToSet() {
    for (String key : new String[] {null, "", "x".repeat(SigningSecret.MIN_LENGTH - 1)}) {
      assertThatThrownBy(() -> SigningSecret.require(key))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("REHEARSE_AUTH_JWT_SECRET");
    }
  }

  @Test
  void aLongEnoughKeyIsKept() {
    String key = "k".repeat(SigningSecret.MIN_LENGTH);
    assertThat(SigningSecret.require(key)).isEqualTo(key);
  }
}

package dev.rehearse.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeySetTest {
  @Test
  void ofKeysActiveFromTheSameSecondTheOneAddedLastSigns() {
    Instant second = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
    ECKey first = KeySet.generate(second);
    ECKey added = KeySet.generate(second);
    KeySet keys = KeySet.parse(new KeySet(List.of(first, added)).toJson());

    assertThat(keys.signingKey(Instant.now()).orElseThrow().getKeyID()).isEqualTo(added.getKeyID());
  }

  @Test
  void aKeyNotYetActiveIsPublishedButDoesNotSign() {
    ECKey active = KeySet.generate(Instant.now().minusSeconds(60));
    ECKey later = KeySet.generate(Instant.now().plusSeconds(600));
    KeySet keys = new KeySet(List.of(active, later));

    assertThat(keys.signingKey(Instant.now()).orElseThrow().getKeyID())
        .isEqualTo(active.getKeyID());
    assertThat(keys.publicKeys().getKeys()).hasSize(2).noneMatch(k -> k.isPrivate());
  }
}

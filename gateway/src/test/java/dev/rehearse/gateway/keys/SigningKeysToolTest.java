package dev.rehearse.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key file: made once, private to its owner; rotation publishes first and drops late. */
class SigningKeysToolTest {
  static final Duration DELAY = Duration.ofMinutes(10);
  static final Duration LIFETIME = Duration.ofMinutes(15);
  @TempDir Path dir;

  @Test
  void initMakesOnePrivateKeyReadableByItsOwnerOnlyAndNeverReplacesIt() throws Exception {
    Path file = dir.resolve("keys/signing-keys.json");
    assertThat(SigningKeysTool.init(file)).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    KeySet keys = KeySet.parse(Files.readString(file));
    assertThat(keys.keys()).hasSize(1);
    assertThat(keys.signingKey(Instant.now())).isPresent();
    assertThat(keys.publicKeys().getKeys()).noneMatch(k -> k.isPrivate());

    String first = Files.readString(file);
    assertThat(SigningKeysTool.init(file)).isFalse();
    assertThat(Files.readString(file)).isEqualTo(first);
  }

  @Test
  void aRotatedKeyIsPublishedAtOnceButSignsOnlyAfterThePublishDelay() throws Exception {
    Path file = dir.resolve("signing-keys.json");
    SigningKeysTool.init(file);
    Instant now = Instant.now();
    ECKey old = KeySet.parse(Files.readString(file)).keys().get(0);

    KeySet rotated = SigningKeysTool.rotate(file, now, DELAY, LIFETIME);
    assertThat(rotated.keys()).hasSize(2);
    assertThat(KeySet.parse(Files.readString(file)).keys()).hasSize(2);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    ECKey next = rotated.keys().get(1);
    assertThat(rotated.signingKey(now.plusSeconds(1)).orElseThrow().getKeyID())
        .isEqualTo(old.getKeyID());
    assertThat(rotated.signingKey(now.plus(DELAY)).orElseThrow().getKeyID())
        .isEqualTo(next.getKeyID());
    assertThat(rotated.publicKeys().getKeys()).hasSize(2);
  }

  @Test
  void aKeyIsDroppedOnlyOnceTheLastTokenItSignedHasExpired() {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    KeySet one = new KeySet(List.of(KeySet.generate(start)));
    KeySet two = one.rotate(start.plusSeconds(60), DELAY, LIFETIME); // next signs at 00:11
    Instant nextActive = start.plusSeconds(60).plus(DELAY);

    // rotating again while the first key's tokens may still be valid keeps it
    assertThat(two.rotate(nextActive.plus(LIFETIME).minusSeconds(1), DELAY, LIFETIME).keys())
        .hasSize(3);
    KeySet later = two.rotate(nextActive.plus(LIFETIME), DELAY, LIFETIME);
    assertThat(later.keys()).hasSize(2).doesNotContain(one.keys().get(0));
    assertThat(later.keys()).contains(two.keys().get(1));
  }

  @Test
  void keySetsWithoutPrivateKeysOrKeyIdsAreRefused() {
    ECKey key = KeySet.generate(Instant.now());
    assertThatThrownBy(() -> KeySet.parse(new KeySet(List.of(key)).publicKeys().toString()))
        .hasMessageContaining("private part");
    assertThatThrownBy(() -> KeySet.parse("{\"keys\":[]}")).hasMessageContaining("no key");
    assertThatThrownBy(() -> KeySet.parse("not json")).hasMessageContaining("not a JWK set");
    assertThatThrownBy(
            () ->
                KeySet.parse(
                    "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"k\",\"k\":\"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0\"}]}"))
        .hasMessageContaining("P-256");
  }

  @Test
  void durationsReadAsTheSettingsDo() {
    assertThat(SigningKeysTool.duration("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(SigningKeysTool.duration("10m")).isEqualTo(Duration.ofMinutes(10));
    assertThat(SigningKeysTool.duration("2d")).isEqualTo(Duration.ofDays(2));
    assertThatThrownBy(() -> SigningKeysTool.duration("soon")).hasMessageContaining("10m");
  }
}

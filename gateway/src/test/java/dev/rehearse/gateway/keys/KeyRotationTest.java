package dev.rehearse.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.rehearse.gateway.GatewayTestBase;
import dev.rehearse.gateway.accounts.SignedIn;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A running gateway follows its key file: a new key is published first, signs later. */
@MicronautTest
class KeyRotationTest extends GatewayTestBase {
  static final Path FILE = tempFile();

  @Override
  protected Map<String, String> extraProperties() {
    try {
      SigningKeysTool.init(FILE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of(
        "rehearse.auth.signing-keys", "", // the file instead of the base class's inline keys
        "rehearse.auth.signing-keys-file", FILE.toString(),
        "rehearse.auth.signing-keys-check", "100ms",
        "micronaut.http.client.read-timeout",
            "30s", // no silent service here; a cold start may be slow
        "rehearse.gateway.auth.bcrypt-cost", "4");
  }

  @Test
  void aRotatedKeyIsPublishedBeforeItSignsAndOldTokensStayValid() throws Exception {
    String first = KeySet.parse(Files.readString(FILE)).keys().get(0).getKeyID();
    SignedIn before = register();
    assertThat(kidOf(before)).isEqualTo(first);

    SigningKeysTool.rotate(FILE, Instant.now(), Duration.ofMinutes(10), Duration.ofMinutes(15));
    await().atMost(Duration.ofSeconds(10)).until(() -> published().getKeys().size() == 2);
    assertThat(kidOf(register())).isEqualTo(first); // published, not signing yet

    KeySet now = SigningKeysTool.rotate(FILE, Instant.now(), Duration.ZERO, Duration.ofMinutes(15));
    String third = now.keys().get(2).getKeyID();
    await().atMost(Duration.ofSeconds(10)).until(() -> published().getKeys().size() == 3);
    SignedIn after = register();
    assertThat(kidOf(after)).isEqualTo(third);

    for (SignedIn who : new SignedIn[] {before, after}) {
      assertThat(
              http.toBlocking()
                  .retrieve(HttpRequest.GET("/api/auth/me").bearerAuth(who.accessToken())))
          .contains(who.user().id().toString());
    }
  }

  private JWKSet published() throws Exception {
    return JWKSet.parse(http.toBlocking().retrieve("/.well-known/jwks.json"));
  }

  private SignedIn register() {
    return http.toBlocking()
        .retrieve(
            HttpRequest.POST(
                "/api/auth/register",
                Map.of(
                    "email", "k-" + UUID.randomUUID() + "@rehearse.test",
                    "password", "correct horse battery",
                    "displayName", "Kim")),
            SignedIn.class);
  }

  private static String kidOf(SignedIn who) throws Exception {
    return SignedJWT.parse(who.accessToken()).getHeader().getKeyID();
  }

  private static Path tempFile() {
    try {
      return Files.createTempDirectory("rehearse-keys").resolve("signing-keys.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

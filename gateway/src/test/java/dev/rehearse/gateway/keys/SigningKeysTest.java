package dev.rehearse.gateway.keys;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearse.testsupport.TestInfrastructure;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway has no default signing key: without one of its own it does not start. */
class SigningKeysTest {
  @Test
  void theGatewayDoesNotStartWithoutSigningKeysAndSaysWhichSettingToGive() {
    Map<String, Object> p = new HashMap<>(TestInfrastructure.properties("gateway"));
    assertThatThrownBy(() -> ApplicationContext.run(p).close())
        .hasStackTraceContaining("REHEARSE_AUTH_SIGNING_KEYS_FILE")
        .hasStackTraceContaining("REHEARSE_AUTH_SIGNING_KEYS");
  }

  @Test
  void theGatewayDoesNotStartWithAPublicKeyOnly() {
    Map<String, Object> p = new HashMap<>(TestInfrastructure.properties("gateway"));
    p.put(
        "rehearse.auth.signing-keys",
        new KeySet(java.util.List.of(KeySet.generate(java.time.Instant.now())))
            .publicKeys()
            .toString());
    assertThatThrownBy(() -> ApplicationContext.run(p).close())
        .hasStackTraceContaining("rehearse.auth.signing-keys")
        .hasStackTraceContaining("private part");
  }
}

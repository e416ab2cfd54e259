package dev.rehearse.gateway.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearse.testsupport.TestInfrastructure;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway has no default signing key: without one of its own it does not start. */
class SigningKeyCheckTest {
  @Test
  void theGatewayDoesNotStartWithoutASigningKey() {
    Map<String, Object> p = new HashMap<>(TestInfrastructure.properties("gateway"));
    p.remove("rehearse.auth.jwt-secret");
    assertThatThrownBy(() -> ApplicationContext.run(p).close())
        .hasStackTraceContaining("REHEARSE_AUTH_JWT_SECRET");
  }
}

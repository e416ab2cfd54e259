package dev.rehearse.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWT;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The cache in front of JWT verification: plain unit tests, the JWT validator replaced by a
 * counting fake.
 */
class VerifiedTokenCacheTest {

  /**
   * Accepts tokens starting with "good", with the expiry encoded after the colon (epoch seconds).
   */
  static final class CountingValidator
      implements ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
      calls.incrementAndGet();
      if (!token.startsWith("good")) {
        return Mono.empty();
      }
      Date exp =
          Date.from(Instant.ofEpochSecond(Long.parseLong(token.substring(token.indexOf(':') + 1))));
      return Mono.just(Authentication.build("user-1", List.of("CANDIDATE"), Map.of("exp", exp)));
    }

    @Override
    public Publisher<JWT> validate(String token, HttpRequest<?> request) {
      throw new UnsupportedOperationException();
    }
  }

  final CountingValidator jwt = new CountingValidator();
  final VerifiedTokenCache cache = new VerifiedTokenCache(jwt);

  @Test
  void aVerifiedTokenIsVerifiedOnceUntilItExpires() {
    String token = "good:" + Instant.now().plusSeconds(3600).getEpochSecond();
    assertThat(Mono.from(cache.validateToken(token, null)).block().getName()).isEqualTo("user-1");
    assertThat(Mono.from(cache.validateToken(token, null)).block().getName()).isEqualTo("user-1");
    assertThat(jwt.calls).hasValue(1);
  }

  @Test
  void anExpiredTokenIsVerifiedAgainAndRejectedTokensAreNeverRemembered() {
    String expired = "good:" + Instant.now().minusSeconds(5).getEpochSecond();
    Mono.from(cache.validateToken(expired, null)).block();
    Mono.from(cache.validateToken(expired, null)).block();
    assertThat(jwt.calls).hasValue(2);

    assertThat(Mono.from(cache.validateToken("forged", null)).blockOptional()).isEmpty();
    assertThat(Mono.from(cache.validateToken("forged", null)).blockOptional()).isEmpty();
    assertThat(jwt.calls).hasValue(4);
  }
}

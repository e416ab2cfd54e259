package dev.rehearse.gateway.identity;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * A browser's EventSource cannot set headers, so /api/events alone also takes the token as {@code
 * ?access_token=}. Other paths do not: query strings end up in logs.
 */
@Singleton
public class EventStreamTokenReader implements TokenReader<HttpRequest<?>> {
  static final String EVENTS_PATH = "/api/events";

  @Override
  public Optional<String> findToken(HttpRequest<?> request) {
    if (!EVENTS_PATH.equals(request.getPath())) {
      return Optional.empty();
    }
    return request.getParameters().getFirst("access_token").filter(t -> !t.isBlank());
  }

  @Override
  public int getOrder() {
    return LOWEST_PRECEDENCE; // a header token wins
  }
}

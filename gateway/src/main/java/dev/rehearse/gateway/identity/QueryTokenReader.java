package dev.rehearse.gateway.identity;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Browsers cannot set headers on an EventSource or a WebSocket, so /api/events and
 * /api/live-answers alone also take the token as {@code ?access_token=}. Other paths do not: query
 * strings end up in logs.
 */
@Singleton
public class QueryTokenReader implements TokenReader<HttpRequest<?>> {
  public static final String PARAMETER = "access_token";
  static final String EVENTS_PATH = "/api/events";
  static final String LIVE_ANSWERS_PATH = "/api/live-answers";

  @Override
  public Optional<String> findToken(HttpRequest<?> request) {
    String path = request.getPath();
    if (!EVENTS_PATH.equals(path) && !LIVE_ANSWERS_PATH.equals(path)) {
      return Optional.empty();
    }
    return request.getParameters().getFirst(PARAMETER).filter(t -> !t.isBlank());
  }

  @Override
  public int getOrder() {
    return LOWEST_PRECEDENCE; // a header token wins
  }
}

package dev.rehearse.gateway.liveanswer;

import dev.rehearse.gateway.identity.AccessPolicy;
import dev.rehearse.gateway.limits.AudioLimit;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Lets a live-answer upgrade through only for a signed-in caller within the audio limit. It has to
 * be a filter: a WebSocket's own methods run after the handshake, too late to answer 401 or 429.
 * Mapped to every path, checking its own, for the reason ProxyFilter gives.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
public class LiveAnswerGate implements Ordered {
  private final AccessPolicy access;
  private final AudioLimit audioLimit;

  public LiveAnswerGate(AccessPolicy access, AudioLimit audioLimit) {
    this.access = access;
    this.audioLimit = audioLimit;
  }

  /** After micronaut-security's filter, which has verified the token by then. */
  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.after();
  }

  @RequestFilter
  public void admit(HttpRequest<?> request) {
    if (LiveAnswerSocket.PATH.equals(request.getPath())) {
      audioLimit.acquire(access.require(request));
    }
  }
}

package dev.rehearse.platform.trace;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Notes the request's trace id on the request, just after the tracing filter started its span:
 * problem bodies built later on another thread (a proxied call's error, say) still name it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class TraceIdFilter implements io.micronaut.core.order.Ordered {
  @RequestFilter
  public void note(HttpRequest<?> request) {
    String traceId = Traces.currentTraceId();
    if (traceId != null) {
      request.setAttribute(Traces.TRACE_ID, traceId);
    }
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.TRACING.after();
  }
}

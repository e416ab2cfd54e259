package dev.rehearse.gateway.routing;

import dev.rehearse.platform.problem.Problem;
import dev.rehearse.platform.problem.ProblemBodyProvider;
import dev.rehearse.platform.trace.Traces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer when a service is down or silent. Built here rather than thrown: the platform hides
 * the detail of any 5xx, but which service is away and that a retry will help is worth telling.
 */
public final class Unavailable {
  private static final Logger LOG = LoggerFactory.getLogger(Unavailable.class);

  private Unavailable() {}

  public static MutableHttpResponse<?> response(
      ServiceRoute service, HttpRequest<?> request, Throwable cause) {
    LOG.warn(
        "{} {}: {} service unavailable: {}",
        request.getMethod(),
        request.getPath(),
        service.name(),
        cause.toString());
    Problem problem =
        new Problem(
            "https://rehearse.dev/problems/service-unavailable",
            "Service Unavailable",
            503,
            "the " + service.name() + " service is unavailable; try again shortly",
            request.getPath(),
            List.of(),
            Traces.traceId(request));
    return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
        .contentType(ProblemBodyProvider.PROBLEM_JSON)
        .header("Retry-After", "5")
        .body(problem);
  }
}

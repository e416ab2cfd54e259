package dev.rehearse.gateway.routing;

import dev.rehearse.gateway.identity.Caller;
import dev.rehearse.gateway.identity.CallerResolver;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import io.micronaut.context.annotation.Value;
import reactor.core.publisher.Mono;

/**
 * One attempt id, two owners: assessment holds scored attempts, speech holds spoken attempts still
 * being transcribed. Ask assessment first; on 404 ask speech, which shows status and progress.
 */
@Controller("/api/attempts")
public class AttemptLookupController {
  private static final Argument<String> TEXT = Argument.STRING;
  private final RouteTable routes;
  private final CallerResolver callers;
  private final HttpClient client;
  private final Duration responseTimeout;

  public AttemptLookupController(RouteTable routes, CallerResolver callers, HttpClient client,
      @Value("${rehearse.gateway.response-timeout:30s}") Duration responseTimeout) {
    this.routes = routes;
    this.callers = callers;
    this.client = client;
    this.responseTimeout = responseTimeout;
  }

  @Operation(summary = "An attempt: scored (assessment) or still being transcribed (speech)")
  @Get("/{id}")
  public Mono<MutableHttpResponse<?>> get(UUID id, HttpRequest<?> request) {
    Optional<Caller> caller = callers.resolve(request);
    return ask(routes.service("assessment"), "/api/attempts/" + id, request, caller).flatMap(scored -> {
      if (scored.code() != 404) {
        return Mono.just(scored);
      }
      return ask(routes.service("speech"), "/api/spoken-attempts/" + id, request, caller)
          .map(spoken -> spoken.code() == 404 ? scored : spoken);
    });
  }

  private Mono<MutableHttpResponse<?>> ask(ServiceRoute service, String path, HttpRequest<?> original, Optional<Caller> caller) {
    MutableHttpRequest<?> request = HttpRequest.GET(service.url().resolve(path));
    original.getHeaders().findFirst(HttpHeaders.AUTHORIZATION).ifPresent(a -> request.header(HttpHeaders.AUTHORIZATION, a));
    caller.ifPresent(c -> request.header(Caller.CANDIDATE_HEADER, c.id()).header(Caller.ROLE_HEADER, c.role().name()));
    return Mono.from(client.exchange(request, TEXT, TEXT))
        .timeout(responseTimeout)
        .<MutableHttpResponse<?>>map(AttemptLookupController::relay)
        .onErrorResume(HttpClientResponseException.class, e -> Mono.just(relay(e.getResponse())))
        .onErrorResume(e -> !(e instanceof HttpClientResponseException), e -> Mono.just(Unavailable.response(service, original, e)));
  }

  /** Status, content type and body as the service sent them. */
  private static MutableHttpResponse<?> relay(HttpResponse<?> response) {
    MutableHttpResponse<String> out = HttpResponse.status(response.getStatus());
    response.getContentType().ifPresent(out::contentType);
    response.getBody(String.class).ifPresent(out::body);
    return out;
  }
}

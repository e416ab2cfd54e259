package dev.rehearse.gateway.routing;

import dev.rehearse.gateway.identity.AccessPolicy;
import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.identity.Role;
import dev.rehearse.platform.problem.Problem;
import dev.rehearse.platform.problem.ProblemBodyProvider;
import dev.rehearse.platform.trace.Traces;
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
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * One attempt id, two owners: assessment holds scored attempts, speech holds spoken attempts still
 * being transcribed. Ask assessment first; on 404 ask speech, which shows status and progress.
 */
@Controller("/api/attempts")
public class AttemptLookupController {
  private static final Argument<String> TEXT = Argument.STRING;
  private final RouteTable routes;
  private final AccessPolicy access;
  private final ObjectMapper json;
  private final HttpClient client;
  private final Balancer balancer;

  public AttemptLookupController(
      RouteTable routes,
      AccessPolicy access,
      ObjectMapper json,
      HttpClient client,
      Balancer balancer) {
    this.routes = routes;
    this.access = access;
    this.json = json;
    this.client = client;
    this.balancer = balancer;
  }

  @Operation(summary = "An attempt: scored (assessment) or still being transcribed (speech)")
  @Get("/{id}")
  public Mono<MutableHttpResponse<?>> get(UUID id, HttpRequest<?> request) {
    Caller caller = access.require(request);
    return ask(routes.service("assessment"), "/api/attempts/" + id, request)
        .flatMap(
            scored -> {
              if (scored.code() != 404) {
                return Mono.just(scored);
              }
              return ask(routes.service("speech"), "/api/spoken-attempts/" + id, request)
                  .map(spoken -> spoken.code() == 404 ? scored : spoken);
            })
        .map(found -> ownedByCaller(found, caller) ? found : notFound(id, request));
  }

  /**
   * A second line behind the services' own checks: an attempt that names another candidate is not
   * shown to a candidate. Coaches and admins pass (cohort rules are assessment's).
   */
  private boolean ownedByCaller(MutableHttpResponse<?> found, Caller caller) {
    if (found.code() != 200 || !caller.is(Role.CANDIDATE)) {
      return true;
    }
    String owner = found.getBody(String.class).flatMap(this::candidateOf).orElse(null);
    return owner == null || owner.equals(caller.id());
  }

  private Optional<String> candidateOf(String body) {
    try {
      JsonNode node = json.readValue(body, JsonNode.class);
      JsonNode candidate = node == null || !node.isObject() ? null : node.get("candidateId");
      return candidate != null && candidate.isString()
          ? Optional.of(candidate.getStringValue())
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static MutableHttpResponse<?> notFound(UUID id, HttpRequest<?> request) {
    Problem problem =
        new Problem(
            "https://rehearse.dev/problems/not-found",
            "Not Found",
            404,
            "id: no attempt with id " + id,
            request.getPath(),
            List.of(new Problem.FieldError("id", "no attempt with id " + id)),
            Traces.traceId(request));
    return HttpResponse.notFound().contentType(ProblemBodyProvider.PROBLEM_JSON).body(problem);
  }

  private Mono<MutableHttpResponse<?>> ask(
      ServiceRoute service, String path, HttpRequest<?> original) {
    Optional<String> authorization = original.getHeaders().findFirst(HttpHeaders.AUTHORIZATION);
    return balancer
        .call(
            service,
            true,
            base -> {
              MutableHttpRequest<?> request = HttpRequest.GET(base.resolve(path));
              authorization.ifPresent(a -> request.header(HttpHeaders.AUTHORIZATION, a));
              return client.exchange(request, TEXT, TEXT);
            })
        .<MutableHttpResponse<?>>map(AttemptLookupController::relay)
        .onErrorResume(HttpClientResponseException.class, e -> Mono.just(relay(e.getResponse())))
        .onErrorResume(
            e -> !(e instanceof HttpClientResponseException),
            e -> Mono.just(Unavailable.response(service, original, e)));
  }

  /** Status, content type and body as the service sent them. */
  private static MutableHttpResponse<?> relay(HttpResponse<?> response) {
    MutableHttpResponse<String> out = HttpResponse.status(response.getStatus());
    response.getContentType().ifPresent(out::contentType);
    response.getBody(String.class).ifPresent(out::body);
    return out;
  }
}

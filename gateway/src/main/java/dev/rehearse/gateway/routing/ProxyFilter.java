package dev.rehearse.gateway.routing;

import dev.rehearse.gateway.identity.AccessPolicy;
import dev.rehearse.gateway.identity.BearerCheck;
import dev.rehearse.gateway.limits.AudioLimit;
import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.problem.ProblemException;
import dev.rehearse.platform.trace.Traces;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.ByteBodyHttpResponse;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.client.RawHttpClient;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.netty.NettyHttpHeaders;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.web.router.RouteAttributes;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Streams every /api request that no gateway controller handles to the service owning its path,
 * unchanged but for identity headers, which are dropped: the Authorization header goes along, and
 * each service verifies the token and reads the caller from it. Its {@code traceparent} names the
 * gateway's span (micronaut-tracing's client filter), so the service continues the gateway's trace.
 *
 * <p>Mapped to every path and checking for /api itself: Micronaut matches a filter's pattern
 * against every request, so a pattern other than match-all costs a path-pattern match per request
 * per filter.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class ProxyFilter implements HttpServerFilter {
  public static final String API = "/api";
  private static final String TRACESTATE = "tracestate";
  private final RouteTable routes;
  private final RawHttpClient client;
  private final Balancer balancer;
  private final AccessPolicy access;
  private final BearerCheck bearer;
  private final AudioLimit audioLimit;
  private final long jsonBodyBytes;
  private final long audioBodyBytes;
  private final List<String> audioPaths;

  public ProxyFilter(
      RouteTable routes,
      RawHttpClient client,
      Balancer balancer,
      AccessPolicy access,
      BearerCheck bearer,
      AudioLimit audioLimit,
      @Value("${rehearse.gateway.limits.json-body-bytes:1048576}") long jsonBodyBytes,
      @Value("${rehearse.gateway.limits.audio-body-bytes:20971520}") long audioBodyBytes,
      @Value("${rehearse.gateway.limits.audio-paths}") List<String> audioPaths) {
    this.routes = routes;
    this.client = client;
    this.balancer = balancer;
    this.access = access;
    this.bearer = bearer;
    this.audioLimit = audioLimit;
    this.jsonBodyBytes = jsonBodyBytes;
    this.audioBodyBytes = audioBodyBytes;
    this.audioPaths = audioPaths;
  }

  /**
   * Before micronaut-security's filter: a forwarded request is authenticated here ({@link
   * BearerCheck}) and never reaches it; the gateway's own controllers pass on to it.
   */
  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.before();
  }

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(
      HttpRequest<?> request, ServerFilterChain chain) {
    String path = request.getPath();
    if (!PathPrefix.covers(API, path)) {
      return chain.proceed(request); // the web app, OpenAPI documents, health
    }
    boolean audio = isAudio(path);
    long limit = audio ? audioBodyBytes : jsonBodyBytes;
    if (request.getContentLength() > limit) {
      return Mono.error(tooLarge(limit));
    }
    if (RouteAttributes.getRouteMatch(request).isPresent()) {
      return chain.proceed(
          request); // a gateway controller: /api/auth, /api/events, GET /api/attempts/{id}
    }
    Optional<ServiceRoute> route = routes.find(path);
    if (route.isEmpty()) {
      return Mono.error(new ProblemException(HttpStatus.NOT_FOUND, null, "no API at " + path));
    }
    BearerCheck.Result checked = bearer.check(request);
    if (checked.later() == null) {
      return forwardAs(
          request, route.get(), audio, checked.authentication()); // a known token, or none
    }
    // the token is verified elsewhere (the key set may be fetched): forward in this request's
    // context, so its trace goes on to the service
    PropagatedContext context = PropagatedContext.getOrEmpty();
    return checked
        .later()
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            verified ->
                context.propagate(
                    () ->
                        Mono.from(forwardAs(request, route.get(), audio, verified.orElse(null)))));
  }

  private Publisher<MutableHttpResponse<?>> forwardAs(
      HttpRequest<?> request,
      ServiceRoute route,
      boolean audio,
      @Nullable Authentication authentication) {
    try {
      if (authentication != null) {
        BearerCheck.authenticate(request, authentication);
      }
      Caller caller = access.require(request);
      if (audio && request.getMethod() == HttpMethod.POST) {
        audioLimit.acquire(caller);
      }
      return forward(request, route);
    } catch (RuntimeException e) {
      return Mono.error(e);
    }
  }

  /**
   * Sends the request to an instance of the service, and to another if that one cannot be reached
   * ({@link Balancer}). The body is held in full first so a retry can send it again (JSON bodies
   * are small; an upload is at most the audio limit, which speech-service holds in full anyway).
   */
  private Publisher<MutableHttpResponse<?>> forward(HttpRequest<?> request, ServiceRoute service) {
    // the body arrives on another thread: the call goes out in this request's context, so its
    // trace goes on to the service
    PropagatedContext context = PropagatedContext.getOrEmpty();
    Mono<MutableHttpResponse<?>> answer =
        request instanceof ServerHttpRequest<?> server
            ? Mono.usingWhen(
                Mono.fromFuture(server.byteBody().buffer()),
                body -> context.propagate(() -> send(request, service, body)),
                body -> Mono.fromRunnable(body::close))
            : send(request, service, null);
    return answer
        .onErrorResume(
            ContentLengthExceededException.class, e -> Mono.error(tooLarge(audioBodyBytes)))
        .onErrorResume(
            e -> !(e instanceof ProblemException),
            e -> Mono.just(Unavailable.response(service, request, e)));
  }

  private Mono<MutableHttpResponse<?>> send(
      HttpRequest<?> request, ServiceRoute service, @Nullable CloseableAvailableByteBody body) {
    // raw path and query as the client sent them: nothing re-encoded on the way
    String query = request.getUri().getRawQuery();
    String target = request.getUri().getRawPath() + (query == null ? "" : "?" + query);
    // a silent service is cut off by the client's read-timeout
    // (micronaut.http.client.read-timeout), on
    // the event loop: a per-request reactor timeout would wake a scheduler thread for every request
    return balancer
        .call(
            service,
            Balancer.idempotent(request.getMethod()),
            base ->
                client.exchange(
                    outgoing(request, base.resolve(target)),
                    body == null ? null : body.split(),
                    null))
        .map(ProxyFilter::relay);
  }

  private static MutableHttpRequest<?> outgoing(HttpRequest<?> request, URI target) {
    return request
        .mutate()
        .uri(target)
        .headers(
            h -> {
              h.remove(HttpHeaders.HOST); // the service's own, set by the client
              // identity travels in the token only: the headers earlier versions trusted
              // are dropped, so no service could ever be misled by them
              h.remove("X-Candidate-Id");
              h.remove("X-User-Role");
              // the client's trace context names the gateway's parent; the tracing client
              // filter writes the gateway's own, so the service's span is the gateway's child
              h.remove(Traces.TRACEPARENT);
              h.remove(TRACESTATE);
            });
  }

  /**
   * The service's answer as it came: status, headers and body bytes, whatever the status. The body
   * stays a byte body, so the server sends it as received: a body the client already holds in full
   * (every JSON answer here) goes out with its Content-Length in one write, a longer one streams.
   * (ProxyHttpClient re-wraps every body as a stream of chunks of unknown length: chunked encoding,
   * a separate write for the last chunk, and a reactive pipeline per request.)
   */
  private static MutableHttpResponse<?> relay(HttpResponse<?> answer) {
    MutableHttpResponse<Object> out = HttpResponse.status(answer.code(), answer.reason());
    if (answer.getHeaders() instanceof NettyHttpHeaders from
        && out.getHeaders() instanceof NettyHttpHeaders to) {
      to.getNettyHeaders()
          .add(from.getNettyHeaders()); // entry by entry, no per-name lists of values
    } else {
      answer.getHeaders().forEach((name, values) -> values.forEach(v -> out.header(name, v)));
    }
    if (answer instanceof ByteBodyHttpResponse<?> raw) {
      out.body(raw.byteBody());
    }
    return out;
  }

  private static ProblemException tooLarge(long limit) {
    return new ProblemException(
        HttpStatus.REQUEST_ENTITY_TOO_LARGE, null, "request body over " + limit + " bytes");
  }

  private boolean isAudio(String path) {
    for (String audioPath : audioPaths) {
      if (PathPrefix.covers(audioPath, path)) {
        return true;
      }
    }
    return false;
  }
}

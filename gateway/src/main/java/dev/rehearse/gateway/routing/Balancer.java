package dev.rehearse.gateway.routing;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.http.client.exceptions.ResponseClosedException;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Spreads the gateway's calls over each service's instances ({@link Instances}): round robin, and
 * when an instance cannot be reached the call goes to the next one. A call that never reached its
 * instance (connection refused, connect timeout) is always tried again elsewhere; one whose
 * connection broke afterwards (reset, closed) only when its method is idempotent, since the
 * instance may have acted on it. Every call to a service goes through here.
 */
@Singleton
public class Balancer {
  private static final Logger LOG = LoggerFactory.getLogger(Balancer.class);
  private static final Set<HttpMethod> IDEMPOTENT =
      EnumSet.of(
          HttpMethod.GET,
          HttpMethod.HEAD,
          HttpMethod.PUT,
          HttpMethod.DELETE,
          HttpMethod.OPTIONS,
          HttpMethod.TRACE);

  /** Enough for a spare or two; a service with more instances down than that answers 503. */
  private static final int MAX_TRIES = 3;

  private final Map<String, Instances> byService;

  public Balancer(
      List<ServiceRoute> services,
      @Value("${rehearse.gateway.balancer.back-off:2s}") Duration backOff) {
    this.byService =
        new ConcurrentHashMap<>(
            services.stream()
                .collect(
                    Collectors.toMap(
                        ServiceRoute::name, s -> new Instances(s.url(), backOff.toNanos()))));
  }

  /** Names are looked up again every few seconds: replicas come and go. */
  @Scheduled(fixedDelay = "${rehearse.gateway.balancer.resolve-every:5s}")
  void resolveAgain() {
    byService.values().forEach(Instances::resolve);
  }

  public static boolean idempotent(HttpMethod method) {
    return IDEMPOTENT.contains(method);
  }

  /**
   * Runs {@code call} with an instance's base URL, and again with another's while the failure
   * allows (see the class comment); the last failure otherwise.
   */
  public <T> Mono<T> call(
      ServiceRoute service, boolean idempotent, Function<URI, Publisher<T>> call) {
    // each try runs later, maybe on another thread: in the caller's context, so the tracing client
    // filter sends the caller's span as the service's parent
    PropagatedContext context = PropagatedContext.getOrEmpty();
    return attempt(
        service,
        instances(service),
        idempotent,
        base -> context.propagate(() -> call.apply(base)),
        ConcurrentHashMap.newKeySet());
  }

  private <T> Mono<T> attempt(
      ServiceRoute service,
      Instances instances,
      boolean idempotent,
      Function<URI, Publisher<T>> call,
      Set<URI> tried) {
    return Mono.defer(
        () -> {
          URI base = instances.next(tried);
          tried.add(base);
          return Mono.from(call.apply(base))
              .doOnSuccess(answer -> instances.answered(base))
              .onErrorResume(
                  e -> {
                    Failure failure = Failure.of(e);
                    if (failure == Failure.OTHER) {
                      return Mono.error(e);
                    }
                    instances.failed(base);
                    boolean again =
                        (failure == Failure.NOT_REACHED || idempotent)
                            && tried.size() < Math.min(instances.count(), MAX_TRIES);
                    if (!again) {
                      return Mono.error(e);
                    }
                    LOG.info(
                        "{} instance {} failed ({}); trying another",
                        service.name(),
                        base,
                        e.toString());
                    return attempt(service, instances, idempotent, call, tried);
                  });
        });
  }

  /** The instance for {@code key} (the same on every gateway while the instances stay). */
  public URI pick(ServiceRoute service, String key) {
    return instances(service).pick(key);
  }

  /** Notes a failure of {@code base} seen outside {@link #call} (a WebSocket's handshake). */
  public void failed(ServiceRoute service, URI base, Throwable cause) {
    if (Failure.of(cause) != Failure.OTHER) {
      instances(service).failed(base);
    }
  }

  private Instances instances(ServiceRoute service) {
    return byService.get(service.name());
  }

  /** What a failed call tells about whether its instance acted on it. */
  enum Failure {
    /** Refused, timed out connecting, no route: the instance never saw the request. */
    NOT_REACHED,
    /** The connection broke after the request went: the instance may have acted on it. */
    LOST,
    /** Anything else (an answer, a read timeout): not the instance's absence. */
    OTHER;

    static Failure of(Throwable error) {
      Failure found = OTHER;
      for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
        if (e instanceof ReadTimeoutException) {
          return OTHER;
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
          return NOT_REACHED;
        }
        if (e instanceof ResponseClosedException || e instanceof IOException) {
          found = LOST;
        }
      }
      return found;
    }
  }
}

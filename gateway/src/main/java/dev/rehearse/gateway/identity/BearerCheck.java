package dev.rehearse.gateway.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.security.token.reader.TokenResolver;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import java.util.List;
import org.reactivestreams.Publisher;
import reactor.core.Fuseable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Authenticates the requests the gateway forwards, in place of micronaut-security's filter, which
 * still guards the gateway's own controllers. Just as strict, because it is the same work:
 * micronaut-security's {@link TokenResolver} finds the tokens (the bearer header; the query token
 * on /api/events only) and every {@link TokenValidator} bean is asked in order, exactly as its
 * token authentication fetcher does; a missing or invalid token leaves the request anonymous, as
 * there, and {@link AccessPolicy} refuses it.
 *
 * <p>Cheaper, because the filter builds a reactive chain over every authentication fetcher and
 * every security rule for each request, and those rules allow anything that is not a gateway
 * controller anyway (who may call which service is AccessPolicy's decision). Here a validator that
 * answers at once ({@link TokenCheck} always does: the gateway's keys are in memory and the
 * platform verifier remembers a token it has checked) is read without subscribing to anything; only
 * an answer still to come takes the reactive path.
 */
@Singleton
public class BearerCheck {
  /**
   * What the request's tokens give: known now (the authentication, null if none is valid) or {@code
   * later}.
   */
  public record Result(
      @Nullable Authentication authentication, @Nullable Mono<Authentication> later) {}

  private static final Result ANONYMOUS = new Result(null, null);
  private static final Object PENDING = new Object();
  private final TokenResolver<HttpRequest<?>> tokens;
  private final List<TokenValidator<HttpRequest<?>>> validators;

  public BearerCheck(
      TokenResolver<HttpRequest<?>> tokens, List<TokenValidator<HttpRequest<?>>> validators) {
    this.tokens = tokens;
    this.validators = validators;
  }

  public Result check(HttpRequest<?> request) {
    List<String> found = tokens.resolveTokens(request);
    for (String token : found) {
      for (TokenValidator<HttpRequest<?>> validator : validators) {
        Object answer = immediate(validator.validateToken(token, request));
        if (answer == PENDING) {
          return new Result(null, verify(found, request));
        }
        if (answer != null) {
          return new Result((Authentication) answer, null);
        }
      }
    }
    return ANONYMOUS;
  }

  /**
   * Marks the request as {@code authentication}'s where micronaut-security would, so {@link
   * CallerResolver} reads it.
   */
  public static void authenticate(HttpRequest<?> request, Authentication authentication) {
    request.setAttribute(SecurityFilter.AUTHENTICATION, authentication);
  }

  /**
   * The first authentication any validator gives, as micronaut-security's token authentication
   * fetcher finds it.
   */
  private Mono<Authentication> verify(List<String> found, HttpRequest<?> request) {
    return Flux.fromIterable(found)
        .concatMap(
            token ->
                Flux.fromIterable(validators).flatMap(v -> v.validateToken(token, request)).next())
        .next();
  }

  /** A publisher's value if it has one already (null for Mono.empty()), else {@link #PENDING}. */
  private static Object immediate(Publisher<Authentication> answer) {
    if (!(answer instanceof Fuseable.ScalarCallable<?> scalar)) {
      return PENDING;
    }
    try {
      return scalar.call();
    } catch (Exception e) {
      return PENDING; // an error: the reactive path reports it as micronaut-security would
    }
  }
}

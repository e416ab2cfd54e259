package dev.rehearse.gateway.live;

import dev.rehearse.gateway.identity.AccessPolicy;
import dev.rehearse.gateway.identity.TokenCheck;
import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.identity.DenyList;
import dev.rehearse.platform.identity.VerifiedToken;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.sse.Event;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.time.Instant;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

@Controller("/api/events")
public class EventsController {
  static final String LAST_EVENT_ID = "Last-Event-ID";
  private final LiveEventHub hub;
  private final AccessPolicy access;
  private final DenyList denyList;
  private final Duration heartbeat;
  private final Duration tokenCheck;

  public EventsController(
      LiveEventHub hub,
      AccessPolicy access,
      DenyList denyList,
      @Value("${rehearse.gateway.events.heartbeat:20s}") Duration heartbeat,
      @Value("${rehearse.gateway.events.token-check:1s}") Duration tokenCheck) {
    this.hub = hub;
    this.access = access;
    this.denyList = denyList;
    this.heartbeat = heartbeat;
    this.tokenCheck = tokenCheck;
  }

  @Operation(
      summary =
          "Server-sent events: the caller's scored attempts, reviews and pronunciation results",
      description =
          "Each event has id (resume with Last-Event-ID), event (scored | reviewed | pronunciation) and the event JSON"
              + " as data. EventSource cannot send headers: pass the token as ?access_token=. The stream"
              + " ends when the token expires or is revoked: connect again with a fresh one.")
  @Get(produces = MediaType.TEXT_EVENT_STREAM)
  public Publisher<Event<String>> events(
      HttpRequest<?> request, @Header(LAST_EVENT_ID) @Nullable String lastEventId) {
    Caller caller = access.require(request);
    VerifiedToken token = TokenCheck.of(request).orElseThrow();
    Long resumeAfter = parse(lastEventId);
    Flux<Event<String>> live =
        Flux.defer(
            () -> {
              Flux<LiveEvent> mine = hub.subscribe(caller.id(), resumeAfter);
              // registered: a first comment now flushes the headers, so the client knows it will
              // miss nothing
              return mine.map(e -> Event.of(e.payload()).id(String.valueOf(e.id())).name(e.kind()))
                  .startWith(Event.of("").comment("connected"));
            });
    Flux<Event<String>> keepAlive =
        Flux.interval(heartbeat).map(i -> Event.of("").comment("keep-alive"));
    // a stream outlives no token: checked in memory every tokenCheck (expiry, deny list)
    Flux<Long> tokenEnded = Flux.interval(tokenCheck).filter(i -> !stillValid(token));
    return Flux.merge(live, keepAlive).takeUntilOther(tokenEnded);
  }

  private boolean stillValid(VerifiedToken token) {
    return token.expiresAt().isAfter(Instant.now()) && !denyList.denies(token);
  }

  private static Long parse(String lastEventId) {
    if (lastEventId == null || lastEventId.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(lastEventId.trim());
    } catch (NumberFormatException e) {
      throw ProblemException.badRequest(
          LAST_EVENT_ID, "must be the id of an event received before");
    }
  }
}

package dev.rehearse.gateway.live;

import dev.rehearse.gateway.identity.AccessPolicy;
import dev.rehearse.gateway.identity.Caller;
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
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

@Controller("/api/events")
public class EventsController {
  static final String LAST_EVENT_ID = "Last-Event-ID";
  private final LiveEventHub hub;
  private final AccessPolicy access;
  private final Duration heartbeat;

  public EventsController(
      LiveEventHub hub,
      AccessPolicy access,
      @Value("${rehearse.gateway.events.heartbeat:20s}") Duration heartbeat) {
    this.hub = hub;
    this.access = access;
    this.heartbeat = heartbeat;
  }

  @Operation(
      summary =
          "Server-sent events: the caller's scored attempts, reviews and pronunciation results",
      description =
          "Each event has id (resume with Last-Event-ID), event (scored | reviewed | pronunciation) and the event JSON"
              + " as data. EventSource cannot send headers: pass the token as ?access_token=.")
  @Get(produces = MediaType.TEXT_EVENT_STREAM)
  public Publisher<Event<String>> events(
      HttpRequest<?> request, @Header(LAST_EVENT_ID) @Nullable String lastEventId) {
    Caller caller = access.require(request);
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
    return Flux.merge(live, keepAlive);
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

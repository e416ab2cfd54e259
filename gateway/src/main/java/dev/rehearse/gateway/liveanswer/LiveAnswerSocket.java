package dev.rehearse.gateway.liveanswer;

import dev.rehearse.gateway.identity.AccessPolicy;
import dev.rehearse.gateway.identity.QueryTokenReader;
import dev.rehearse.gateway.routing.Balancer;
import dev.rehearse.gateway.routing.RouteTable;
import dev.rehearse.gateway.routing.ServiceRoute;
import dev.rehearse.platform.trace.Traces;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.security.token.reader.TokenResolver;
import io.micronaut.websocket.WebSocketClient;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;
import reactor.core.publisher.Mono;

/**
 * The candidate's end of a live answer (the protocol is speech-service's): each socket admitted by
 * {@link LiveAnswerGate} gets its own socket to speech-service at the same path and query, the
 * token moved from the query to the Authorization header, and a {@link Relay} joining the two.
 */
@ServerWebSocket(LiveAnswerSocket.PATH)
public class LiveAnswerSocket {
  public static final String PATH = "/api/live-answers";
  static final String RELAY = "rehearse.live-answer.relay";
  private final WebSocketClient client;
  private final TokenResolver<HttpRequest<?>> tokens;
  private final ServiceRoute speech;
  private final Balancer balancer;
  private final AccessPolicy access;
  private final Duration handshakeTimeout;

  public LiveAnswerSocket(
      WebSocketClient client,
      TokenResolver<HttpRequest<?>> tokens,
      RouteTable routes,
      Balancer balancer,
      AccessPolicy access,
      @Value("${micronaut.http.client.read-timeout:30s}") Duration handshakeTimeout) {
    this.client = client;
    this.tokens = tokens;
    this.speech =
        routes
            .find(PATH)
            .orElseThrow(() -> new IllegalStateException("no service's paths include " + PATH));
    this.balancer = balancer;
    this.access = access;
    this.handshakeTimeout = handshakeTimeout;
  }

  @OnOpen
  public void open(WebSocketSession candidate, HttpRequest<?> request) {
    Relay relay = new Relay(candidate);
    candidate.put(RELAY, relay);
    // one speech instance per candidate: a dropped answer is resumed where it is held
    URI instance = balancer.pick(speech, access.require(request).id());
    MutableHttpRequest<?> upstream =
        HttpRequest.GET(instance.resolve(PATH + withoutToken(request.getUri().getRawQuery())))
            .bearerAuth(tokens.resolveToken(request).orElseThrow());
    String traceparent = Traces.parentOf(request);
    if (traceparent != null) {
      upstream.header(Traces.TRACEPARENT, traceparent); // the answer's work joins this trace
    }
    upstream.setAttribute(RELAY, relay); // how SpeechSocket finds it, from its first message on
    Mono.from(client.connect(SpeechSocket.class, upstream))
        .timeout(handshakeTimeout)
        .subscribe(
            speechSocket -> {},
            e -> {
              balancer.failed(speech, instance, e); // the candidate's retry goes to another
              relay.unreachable(e);
            });
  }

  @OnMessage
  public void message(WebSocketFrame frame, WebSocketSession candidate) {
    relay(candidate).toSpeech(frame);
  }

  @OnClose
  public void closed(WebSocketSession candidate) {
    relay(candidate).candidateLeft();
  }

  private static Relay relay(WebSocketSession candidate) {
    return candidate.get(RELAY, Relay.class).orElseThrow();
  }

  /** The raw query as sent, minus the token (speech-service gets it in a header, out of logs). */
  static String withoutToken(String rawQuery) {
    StringJoiner kept = new StringJoiner("&", "?", "").setEmptyValue("");
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        String name = pair.split("=", 2)[0];
        if (!name.isEmpty() && !namesToken(name)) {
          kept.add(pair);
        }
      }
    }
    return kept.toString();
  }

  private static boolean namesToken(String rawName) {
    try {
      return QueryTokenReader.PARAMETER.equals(URLDecoder.decode(rawName, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException malformed) {
      return false; // not the token's name either
    }
  }
}

package dev.rehearse.gateway.liveanswer;

import io.micronaut.http.HttpRequest;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.ClientWebSocket;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * speech-service's end of a live answer, one instance per socket. Its {@link Relay} travels on the
 * handshake request, which Micronaut binds to every method: messages may follow the handshake at
 * once, before the connect publisher has said anything.
 */
@ClientWebSocket
public abstract class SpeechSocket implements AutoCloseable {
  @OnOpen
  public void open(WebSocketSession speech, HttpRequest<?> handshake) {
    relay(handshake).speechOpened(speech);
  }

  @OnMessage
  public void message(WebSocketFrame frame, HttpRequest<?> handshake) {
    relay(handshake).toCandidate(frame);
  }

  @OnClose
  public void closed(CloseReason reason, HttpRequest<?> handshake) {
    relay(handshake).speechClosed(reason);
  }

  private static Relay relay(HttpRequest<?> handshake) {
    return handshake.getAttribute(LiveAnswerSocket.RELAY, Relay.class).orElseThrow();
  }
}

package dev.rehearse.speech.live;

import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.identity.CallerBinder;
import dev.rehearse.platform.trace.Traces;
import io.micronaut.http.HttpRequest;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnError;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/live-answers?questionId=&sessionId=&maxSeconds=} upgraded to a WebSocket: the
 * candidate streams 16 kHz mono 16-bit PCM and reads the transcript as it forms (protocol in the
 * README, "Live spoken answers"). The handshake passed the platform's token filter like any
 * request, so the caller is known here.
 */
@ServerWebSocket("/api/live-answers")
public class LiveAnswerSocket {
  private static final Logger LOG = LoggerFactory.getLogger(LiveAnswerSocket.class);
  private static final String ANSWER = "rehearse.live-answer";
  private final LiveAnswers answers;

  public LiveAnswerSocket(LiveAnswers answers) {
    this.answers = answers;
  }

  @OnOpen
  public void open(WebSocketSession socket, HttpRequest<?> request) {
    Caller caller = request.getAttribute(CallerBinder.ATTRIBUTE, Caller.class).orElse(null);
    if (caller == null) {
      socket.close(Closing.of(Closing.UNAUTHORIZED, "sign in: this needs a bearer token"));
      return;
    }
    var query = request.getParameters();
    String questionId = query.getFirst("questionId").orElse("").trim();
    if (questionId.isEmpty() || questionId.length() > 100) {
      socket.close(Closing.of(Closing.BAD_REQUEST, "questionId: name the question answered"));
      return;
    }
    UUID sessionId;
    int maxSeconds;
    try {
      sessionId = query.getFirst("sessionId").map(UUID::fromString).orElse(null);
      maxSeconds = query.getFirst("maxSeconds").map(Integer::parseInt).orElse(answers.maxSeconds());
    } catch (IllegalArgumentException e) {
      socket.close(
          Closing.of(
              Closing.BAD_REQUEST, "sessionId must be a session's id, maxSeconds whole seconds"));
      return;
    }
    if (maxSeconds < 1) {
      socket.close(Closing.of(Closing.BAD_REQUEST, "maxSeconds: at least 1"));
      return;
    }
    try {
      LiveAnswer answer =
          answers.open(
              caller.id(),
              questionId,
              sessionId,
              Math.min(maxSeconds, answers.maxSeconds()),
              socket,
              Traces.parentOf(request));
      socket.put(ANSWER, answer);
    } catch (LiveAnswers.Refused refused) {
      socket.close(refused.reason);
    }
  }

  @OnMessage(maxPayloadLength = Frames.MAX_FRAME_BYTES * 2)
  public void message(byte[] message, WebSocketSession socket) {
    socket.get(ANSWER, LiveAnswer.class).ifPresent(a -> a.received(message, socket));
  }

  @OnClose
  public void closed(WebSocketSession socket) {
    socket.get(ANSWER, LiveAnswer.class).ifPresent(a -> a.dropped(socket));
  }

  @OnError
  public void failed(WebSocketSession socket, Throwable error) {
    LOG.debug("live-answer socket {} failed", socket.getId(), error);
  }
}

package dev.rehearse.gateway.liveanswer;

import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live answer's two sockets joined: frames pass each way as they came (the gateway neither
 * reads nor keeps audio), and whichever side closes first closes the other. The candidate's side
 * runs on a server event loop, speech-service's on a client one: every method holds the lock, and
 * none waits for anything while holding it.
 */
final class Relay {
  /** speech-service keeps a live answer whose socket dropped, for the candidate to resume. */
  static final CloseReason CANDIDATE_LEFT =
      new CloseReason(CloseReason.GOING_AWAY.getCode(), "the candidate's connection dropped");

  static final CloseReason UNREACHABLE =
      new CloseReason(
          CloseReason.TRY_AGAIN_LATER.getCode(),
          "speech recognition cannot be reached; try again shortly");
  static final CloseReason LOST =
      new CloseReason(
          CloseReason.TRY_AGAIN_LATER.getCode(),
          "the connection to speech recognition was lost; try again shortly");
  static final CloseReason TOO_EARLY =
      new CloseReason(
          CloseReason.POLICY_VIOLATION.getCode(), "too much audio before the answer was ready");

  /** What a candidate may send before speech-service has answered: 8 s of audio. */
  static final int EARLY_BYTES = 8 * 32000;

  private static final Logger LOG = LoggerFactory.getLogger(Relay.class);
  private final WebSocketSession candidate;
  private final ArrayDeque<WebSocketFrame> early = new ArrayDeque<>();
  private int earlyBytes;
  private WebSocketSession speech;
  private boolean over;

  Relay(WebSocketSession candidate) {
    this.candidate = candidate;
  }

  /** Takes {@code frame} over: sends it on, keeps it until speech-service answers, or frees it. */
  synchronized void toSpeech(WebSocketFrame frame) {
    if (over) {
      frame.release();
    } else if (speech != null) {
      send(speech, frame);
    } else if (earlyBytes + frame.content().readableBytes() > EARLY_BYTES) {
      frame.release();
      end(TOO_EARLY, CANDIDATE_LEFT);
    } else {
      earlyBytes += frame.content().readableBytes();
      early.add(frame);
    }
  }

  synchronized void speechOpened(WebSocketSession opened) {
    if (over) {
      opened.close(CANDIDATE_LEFT);
      return;
    }
    speech = opened;
    for (WebSocketFrame frame = early.poll(); frame != null; frame = early.poll()) {
      send(speech, frame);
    }
    earlyBytes = 0;
  }

  synchronized void toCandidate(WebSocketFrame frame) {
    if (over) {
      frame.release();
    } else {
      send(candidate, frame);
    }
  }

  /** speech-service closed: the candidate gets its code and reason (a lost connection: 1013). */
  synchronized void speechClosed(CloseReason reason) {
    end(WebSocketCloseStatus.isValidStatusCode(reason.getCode()) ? reason : LOST, null);
  }

  synchronized void candidateLeft() {
    end(null, CANDIDATE_LEFT);
  }

  synchronized void unreachable(Throwable cause) {
    if (!over) {
      LOG.warn("live answer: no socket to speech-service: {}", cause.toString());
      end(UNREACHABLE, CANDIDATE_LEFT);
    }
  }

  /** Closes what is still open on each side, with these reasons; null: that side is closed. */
  private void end(CloseReason toCandidate, CloseReason toSpeech) {
    if (over) {
      return;
    }
    over = true;
    early.forEach(WebSocketFrame::release);
    early.clear();
    if (toCandidate != null) {
      candidate.close(toCandidate);
    }
    if (toSpeech != null && speech != null) {
      speech.close(toSpeech);
    }
  }

  private static void send(WebSocketSession to, WebSocketFrame frame) {
    if (to.isOpen()) {
      to.sendAsync(frame); // written as is; Netty frees it once written, or failed
    } else {
      frame.release();
    }
  }
}

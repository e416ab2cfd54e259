package dev.rehearse.speech.live;

import io.micronaut.websocket.CloseReason;
import java.nio.charset.StandardCharsets;

/**
 * The close codes a live-answer socket ends with, each with a reason a person can read. Codes in
 * the 4000s are ours, after the HTTP status they resemble.
 */
final class Closing {
  static final int BAD_FRAME = 1003;
  static final int POLICY = 1008;
  static final int SERVER_ERROR = 1011;
  static final int TRY_LATER = 1013;
  static final int BAD_REQUEST = 4400;
  static final int UNAUTHORIZED = 4401;
  static final int NOT_FOUND = 4404;
  static final int NOTHING_HEARD = 4422;

  /** A close frame's reason holds at most 123 bytes. */
  private static final int MAX_REASON_BYTES = 123;

  private Closing() {}

  static CloseReason of(int code, String reason) {
    String r = reason;
    while (r.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
      r = r.substring(0, r.length() - 1);
    }
    return new CloseReason(code, r);
  }

  static CloseReason done() {
    return new CloseReason(CloseReason.NORMAL.getCode(), "answer submitted");
  }
}

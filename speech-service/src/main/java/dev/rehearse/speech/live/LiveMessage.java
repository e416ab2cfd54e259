package dev.rehearse.speech.live;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

/** What the server sends on a live-answer socket (JSON text messages), and what it reads. */
sealed interface LiveMessage {
  /** First message: the answer's id and limit; a resumed answer brings what was heard so far. */
  @Serdeable
  record Ready(
      String type, UUID liveId, int maxSeconds, boolean resumed, String text, double seconds)
      implements LiveMessage {
    Ready(UUID liveId, int maxSeconds, boolean resumed, String text, double seconds) {
      this("ready", liveId, maxSeconds, resumed, text, seconds);
    }
  }

  /** The running transcript; {@code pending} is its unstable tail, {@code seconds} audio so far. */
  @Serdeable
  record Partial(String type, String text, String pending, double seconds) implements LiveMessage {
    Partial(String text, String pending, double seconds) {
      this("partial", text, pending, seconds);
    }
  }

  /** Words the recogniser committed, marked as they happen. */
  @Serdeable
  record Segment(String type, List<MarkedWord> words) implements LiveMessage {
    Segment(List<MarkedWord> words) {
      this("segment", words);
    }
  }

  /** A word with whether it is a filler and the silence before it (seconds). */
  @Serdeable
  record MarkedWord(
      String word,
      double start,
      double end,
      double confidence,
      boolean filler,
      double pauseBefore) {}

  /** The answer was submitted: its transcript and the attempt to read the score from. */
  @Serdeable
  record Final(String type, String text, UUID attemptId, double seconds, String reason)
      implements LiveMessage {
    Final(String text, UUID attemptId, double seconds, String reason) {
      this("final", text, attemptId, seconds, reason);
    }
  }

  /** A control message from the client: {@code stop} or {@code discard}. */
  @Serdeable
  record Command(@Nullable String type) {}
}

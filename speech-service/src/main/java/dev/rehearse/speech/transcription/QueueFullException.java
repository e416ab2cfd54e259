package dev.rehearse.speech.transcription;

import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.http.HttpStatus;
import java.time.Duration;

/** The candidate's queue is full: a 429 problem with Retry-After ({@link QueueFullHandler}). */
public class QueueFullException extends ProblemException {
  private final Duration retryAfter;

  public QueueFullException(String message, Duration retryAfter) {
    super(HttpStatus.TOO_MANY_REQUESTS, null, message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}

package dev.rehearse.gateway.limits;

import java.time.Duration;

/** A limit was reached; the answer is a 429 problem with Retry-After. */
public class TooManyRequestsException extends RuntimeException {
  private final Duration retryAfter;

  public TooManyRequestsException(String message, Duration retryAfter) {
    super(message, null, false, false);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}

package dev.rehearse.platform.inbox;

/** An event that can never be processed (unknown reference, impossible values): dead-letter it. */
public class RejectedEventException extends RuntimeException {
  public RejectedEventException(String reason) {
    super(reason, null, false, false);
  }
}

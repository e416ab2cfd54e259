package dev.rehearse.platform.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;

/** Thrown by a service when a request is wrong in a way validation annotations cannot see. */
public class ProblemException extends RuntimeException {
  private final HttpStatus status;
  private final @Nullable String field;

  public ProblemException(HttpStatus status, @Nullable String field, String message) {
    super(message, null, false, false);
    this.status = status;
    this.field = field;
  }

  public static ProblemException notFound(String field, String message) {
    return new ProblemException(HttpStatus.NOT_FOUND, field, message);
  }

  public static ProblemException badRequest(String field, String message) {
    return new ProblemException(HttpStatus.BAD_REQUEST, field, message);
  }

  /** The caller is known but may not do this (their role, not the request, is at fault). */
  public static ProblemException forbidden(String message) {
    return new ProblemException(HttpStatus.FORBIDDEN, null, message);
  }

  public HttpStatus status() {
    return status;
  }

  public @Nullable String field() {
    return field;
  }
}

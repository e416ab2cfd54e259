package dev.rehearse.platform.problem;

import dev.rehearse.platform.trace.Traces;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every JSON error answer of every service is an RFC 7807 problem; a 5xx never leaks internals. */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {
  public static final String PROBLEM_JSON = "application/problem+json";
  private static final Logger LOG = LoggerFactory.getLogger(ProblemBodyProvider.class);

  @Override
  public Problem body(ErrorContext context, HttpResponse<?> response) {
    HttpStatus status = response.status();
    String path = context.getRequest().getPath();
    if (status.getCode() >= 500) {
      context
          .getRootCause()
          .ifPresent(e -> LOG.error("{} {} failed", context.getRequest().getMethod(), path, e));
      return new Problem(
          type(status),
          status.getReason(),
          status.getCode(),
          "The server could not complete this request; it has been logged.",
          path,
          List.of(),
          Traces.traceId(context.getRequest()));
    }
    List<Problem.FieldError> errors =
        context.getErrors().stream()
            .map(e -> new Problem.FieldError(e.getPath().orElse(null), e.getMessage()))
            .toList();
    String detail =
        errors.isEmpty()
            ? status.getReason()
            : errors.stream()
                .map(ProblemBodyProvider::describe)
                .reduce((a, b) -> a + "; " + b)
                .orElse(null);
    return new Problem(
        type(status),
        status.getReason(),
        status.getCode(),
        detail,
        path,
        errors,
        Traces.traceId(context.getRequest()));
  }

  @Override
  public String contentType() {
    return PROBLEM_JSON;
  }

  private static String describe(Problem.FieldError e) {
    return e.field() == null ? e.message() : e.field() + ": " + e.message();
  }

  private static String type(HttpStatus status) {
    return "https://rehearse.dev/problems/" + status.name().toLowerCase().replace('_', '-');
  }

  /** Lets {@link ProblemException} carry its field to the body. */
  public record FieldAwareError(String field, String message) implements Error {
    @Override
    public java.util.Optional<String> getPath() {
      return java.util.Optional.ofNullable(field);
    }

    @Override
    public String getMessage() {
      return message;
    }
  }
}

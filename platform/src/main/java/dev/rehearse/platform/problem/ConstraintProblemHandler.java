package dev.rehearse.platform.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Validation failures as a 400 problem whose errors name the field as the client knows it ({@code
 * answerText}, not {@code submit.answer.answerText}).
 */
@Singleton
@Replaces(ConstraintExceptionHandler.class)
public class ConstraintProblemHandler
    implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {
  private final ErrorResponseProcessor<?> processor;

  public ConstraintProblemHandler(ErrorResponseProcessor<?> processor) {
    this.processor = processor;
  }

  @Override
  public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException exception) {
    ErrorContext.Builder context = ErrorContext.builder(request).cause(exception);
    exception.getConstraintViolations().stream()
        .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
        .forEach(
            v -> context.error(new ProblemBodyProvider.FieldAwareError(field(v), v.getMessage())));
    return processor.processResponse(context.build(), HttpResponse.badRequest());
  }

  /** Drops the method node, then the parameter node when a property of a body is at fault. */
  static String field(ConstraintViolation<?> violation) {
    List<String> names = new ArrayList<>();
    for (Path.Node node : violation.getPropertyPath()) {
      String name = node.getName();
      if (node.getIndex() != null && !names.isEmpty()) {
        names.set(names.size() - 1, names.get(names.size() - 1) + "[" + node.getIndex() + "]");
      }
      if (name != null && !name.isEmpty() && !name.startsWith("<")) {
        names.add(name);
      }
    }
    if (names.size() > 1) {
      names.remove(0);
    }
    if (names.size() > 1) {
      names.remove(0);
    }
    return String.join(".", names);
  }
}

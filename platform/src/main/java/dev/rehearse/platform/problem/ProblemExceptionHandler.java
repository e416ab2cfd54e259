package dev.rehearse.platform.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** Renders a {@link ProblemException} through the same error pipeline as validation errors. */
@Singleton
public class ProblemExceptionHandler
    implements ExceptionHandler<ProblemException, HttpResponse<?>> {
  private final ErrorResponseProcessor<?> processor;

  public ProblemExceptionHandler(ErrorResponseProcessor<?> processor) {
    this.processor = processor;
  }

  @Override
  public HttpResponse<?> handle(HttpRequest request, ProblemException exception) {
    ErrorContext context =
        ErrorContext.builder(request)
            .cause(exception)
            .error(
                new ProblemBodyProvider.FieldAwareError(exception.field(), exception.getMessage()))
            .build();
    return processor.processResponse(context, HttpResponse.status(exception.status()));
  }
}

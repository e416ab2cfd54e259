package dev.rehearse.gateway.limits;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** Renders {@link TooManyRequestsException} as a problem, telling the client when to come back. */
@Singleton
public class TooManyRequestsHandler
    implements ExceptionHandler<TooManyRequestsException, HttpResponse<?>> {
  private final ErrorResponseProcessor<?> processor;

  public TooManyRequestsHandler(ErrorResponseProcessor<?> processor) {
    this.processor = processor;
  }

  @Override
  public HttpResponse<?> handle(HttpRequest request, TooManyRequestsException exception) {
    long seconds = Math.max(1, (exception.retryAfter().toMillis() + 999) / 1000);
    ErrorContext context =
        ErrorContext.builder(request).cause(exception).errorMessage(exception.getMessage()).build();
    return processor.processResponse(
        context,
        HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
            .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds)));
  }
}

package dev.rehearse.speech.transcription;

import dev.rehearse.platform.problem.ProblemExceptionHandler;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** The platform's problem body for a full queue, plus when to try again. */
@Singleton
public class QueueFullHandler implements ExceptionHandler<QueueFullException, HttpResponse<?>> {
  private final ProblemExceptionHandler problems;

  public QueueFullHandler(ProblemExceptionHandler problems) {
    this.problems = problems;
  }

  @Override
  public HttpResponse<?> handle(HttpRequest request, QueueFullException exception) {
    return problems
        .handle(request, exception)
        .toMutableResponse()
        .header(
            HttpHeaders.RETRY_AFTER,
            Long.toString(Math.max(1, exception.retryAfter().toSeconds())));
  }
}

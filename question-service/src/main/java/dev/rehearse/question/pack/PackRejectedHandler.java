package dev.rehearse.question.pack;

import dev.rehearse.platform.problem.ProblemBodyProvider;
import dev.rehearse.platform.trace.Traces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * A rejected pack is a 422 problem listing every error, so an author can fix them all in one go.
 */
@Singleton
public class PackRejectedHandler
    implements ExceptionHandler<PackRejectedException, HttpResponse<PackProblem>> {

  @Override
  public HttpResponse<PackProblem> handle(HttpRequest request, PackRejectedException exception) {
    HttpStatus status = HttpStatus.UNPROCESSABLE_ENTITY;
    PackProblem body =
        new PackProblem(
            "https://rehearse.dev/problems/invalid-content-pack",
            "Invalid content pack",
            status.getCode(),
            exception.errors().size() + " problem(s) found; nothing was imported",
            request.getPath(),
            exception.errors(),
            Traces.traceId(request));
    return HttpResponse.<PackProblem>status(status)
        .contentType(ProblemBodyProvider.PROBLEM_JSON)
        .body(body);
  }
}

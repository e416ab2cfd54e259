package dev.rehearse.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.rehearse.platform.PlatformTest;
import dev.rehearse.testsupport.GatewayTokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Errors come back as RFC 7807 problems (application/problem+json with status, title and detail)
 * naming the field at fault, and never show the server's internals.
 */
@MicronautTest
class ProblemHandlersTest extends PlatformTest {
  static final String PATH = "/api/platform-test/drafts";

  @Inject
  @Client("/")
  HttpClient http;

  @Test
  void aValidationFailureIsABadRequestProblemNamingTheBodyField() {
    Problem problem = problemOf(HttpRequest.POST(PATH, Map.of("title", " ")), 400);
    assertThat(problem.title()).isEqualTo("Bad Request");
    assertThat(problem.detail()).isEqualTo("title: must not be blank");
    assertThat(problem.errors())
        .containsExactly(new Problem.FieldError("title", "must not be blank"));
  }

  @Test
  void aProblemExceptionKeepsItsStatusFieldAndMessage() {
    Problem problem = problemOf(HttpRequest.GET(PATH + "/missing"), 404);
    assertThat(problem.title()).isEqualTo("Not Found");
    assertThat(problem.detail()).isEqualTo("id: no draft missing");
    assertThat(problem.instance()).isEqualTo(PATH + "/missing");
  }

  @Test
  void anUnexpectedFailureIsAProblemThatRevealsNothing() {
    Problem problem = problemOf(HttpRequest.GET(PATH + "/" + Drafts.BROKEN), 500);
    assertThat(problem.title()).isEqualTo("Internal Server Error");
    assertThat(problem.detail()).doesNotContain(Drafts.SECRET);
    assertThat(problem.errors()).isNullOrEmpty(); // serde leaves an empty list out
  }

  @Test
  void everyProblemNamesTheTraceOfItsRequest() {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    String parent = "00-" + traceId + "-00f067aa0ba902b7-01";
    assertThat(
            List.of(
                problemOf(
                    HttpRequest.POST(PATH, Map.of("title", " ")).header("traceparent", parent),
                    400),
                problemOf(HttpRequest.GET(PATH + "/missing").header("traceparent", parent), 404),
                problemOf(
                    HttpRequest.GET(PATH + "/" + Drafts.BROKEN).header("traceparent", parent), 500),
                unauthorized(HttpRequest.GET(PATH + "/missing").header("traceparent", parent))))
        .extracting(Problem::traceId)
        .containsOnly(traceId);
  }

  @Test
  void aProblemOfARequestThatCameWithoutATraceNamesTheTraceItStarted() {
    Problem first = problemOf(HttpRequest.GET(PATH + "/missing"), 404);
    Problem second = problemOf(HttpRequest.GET(PATH + "/missing"), 404);
    assertThat(first.traceId()).matches("[0-9a-f]{32}").isNotEqualTo(second.traceId());
  }

  private Problem problemOf(MutableHttpRequest<?> request, int status) {
    request.bearerAuth(GatewayTokens.token("platform-test", "CANDIDATE"));
    return refused(request, status);
  }

  /** No token: refused by the token filter, before any controller. */
  private Problem unauthorized(MutableHttpRequest<?> request) {
    return refused(request, 401);
  }

  private Problem refused(MutableHttpRequest<?> request, int status) {
    Throwable thrown = catchThrowable(() -> http.toBlocking().exchange(request, String.class));
    assertThat(thrown).isInstanceOf(HttpClientResponseException.class);
    HttpClientResponseException e = (HttpClientResponseException) thrown;
    assertThat(e.getStatus().getCode()).isEqualTo(status);
    assertThat(e.getResponse().getContentType().orElseThrow().toString())
        .isEqualTo(ProblemBodyProvider.PROBLEM_JSON);
    String body = e.getResponse().getBody(String.class).orElseThrow();
    assertThat(body).doesNotContain("Exception").doesNotContain("at dev.rehearse");
    Problem problem = fromJson(body, Problem.class);
    assertThat(problem.status()).isEqualTo(status);
    assertThat(problem.type()).startsWith("https://rehearse.dev/problems/");
    return problem;
  }

  @Serdeable
  record Draft(@NotBlank String title) {}

  /** Fails in each of the ways a service can. */
  @Controller(PATH)
  static class Drafts {
    static final String BROKEN = "broken";
    static final String SECRET = "jdbc:postgresql://internal-host";

    @Post
    List<String> create(@Valid @Body Draft draft) {
      return List.of(draft.title());
    }

    @Get("/{id}")
    String find(@PathVariable String id) {
      if (BROKEN.equals(id)) {
        throw new IllegalStateException("cannot reach " + SECRET);
      }
      throw ProblemException.notFound("id", "no draft " + id);
    }
  }
}

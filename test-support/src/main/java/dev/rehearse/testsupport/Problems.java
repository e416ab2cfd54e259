package dev.rehearse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

/** The one check every service's tests make of a refused request: a clean problem body. */
public final class Problems {
  private Problems() {}

  /**
   * Sends the request and asserts it is refused with this status and an application/problem+json
   * body with status, title and trace id, naming {@code field} when not null, with no exception or
   * stack trace in it; returns the body.
   */
  public static String assertProblem(
      HttpClient http, HttpRequest<?> request, int status, String field) {
    try {
      HttpResponse<String> ok = http.toBlocking().exchange(request, String.class);
      throw new AssertionError(
          "expected " + status + " for " + request.getPath() + " but got " + ok.code());
    } catch (HttpClientResponseException e) {
      assertThat(e.getStatus().getCode()).as(request.getPath()).isEqualTo(status);
      assertThat(e.getResponse().getContentType())
          .hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("application/problem+json"));
      String body = e.getResponse().getBody(String.class).orElseThrow();
      assertThat(body)
          .contains("\"status\":" + status)
          .contains("\"title\"")
          .containsPattern("\"traceId\":\"[0-9a-f]{32}\"") // a user's report leads to the logs
          .doesNotContain("Exception")
          .doesNotContain("\tat ");
      if (field != null) {
        assertThat(body).contains("\"field\":\"" + field + "\"");
      }
      return body;
    }
  }
}

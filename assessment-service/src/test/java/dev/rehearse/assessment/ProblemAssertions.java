package dev.rehearse.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

/** Asserts that a request fails with an application/problem+json body naming the field. */
public final class ProblemAssertions {
  private ProblemAssertions() {}

  public static void assertProblem(
      HttpClient http, HttpRequest<?> request, int status, String field) {
    try {
      http.toBlocking().exchange(request, String.class);
      throw new AssertionError("expected " + status + " for " + request.getPath());
    } catch (HttpClientResponseException e) {
      assertThat(e.getStatus().getCode()).as(request.getPath()).isEqualTo(status);
      assertThat(e.getResponse().getContentType())
          .hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("application/problem+json"));
      String body = e.getResponse().getBody(String.class).orElseThrow();
      assertThat(body).contains("\"status\":" + status).doesNotContain("Exception");
      if (field != null) {
        assertThat(body).contains("\"field\":\"" + field + "\"");
      }
    }
  }
}

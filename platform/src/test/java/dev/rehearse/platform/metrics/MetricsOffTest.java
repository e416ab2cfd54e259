package dev.rehearse.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.platform.PlatformTest;
import dev.rehearse.testsupport.Problems;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Without a scrape token configured there are no metrics to read, whatever the request sends. */
@MicronautTest
class MetricsOffTest extends PlatformTest {
  @Inject
  @Client("/")
  HttpClient http;

  @Test
  void withoutAConfiguredTokenThePageDoesNotExist() {
    String body = Problems.assertProblem(http, HttpRequest.GET("/prometheus"), 404, null);
    assertThat(body).contains("rehearse.metrics.token");
    Problems.assertProblem(http, HttpRequest.GET("/prometheus").bearerAuth(""), 404, null);
    Problems.assertProblem(http, HttpRequest.GET("/prometheus").bearerAuth("guess"), 404, null);
  }
}

package dev.rehearse.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.platform.PlatformTest;
import dev.rehearse.testsupport.GatewayTokens;
import dev.rehearse.testsupport.Problems;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A service that lists no public paths (assessment, speech) serves no request without a token, not
 * even a GET of a method that would accept an anonymous caller.
 */
@MicronautTest
class NoPublicPathTest extends PlatformTest {
  @Inject
  @Client("/")
  HttpClient http;

  @Test
  void withoutPublicPathsEveryRequestNeedsAToken() {
    String path = ServiceTokenFilterTest.PUBLIC_PATH;
    String body = Problems.assertProblem(http, HttpRequest.GET(path), 401, "Authorization");
    assertThat(body).contains("a bearer token from the gateway is required");
    assertThat(
            http.toBlocking()
                .retrieve(
                    HttpRequest.GET(path).bearerAuth(GatewayTokens.token("cand-3", "CANDIDATE"))))
        .isEqualTo("cand-3");
  }
}

package dev.rehearse.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.gateway.Echo;
import dev.rehearse.gateway.FakeService;
import dev.rehearse.gateway.GatewayTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Services with two instances each, both real HTTP servers: requests take turns, a stopped
 * instance's share goes to the other, and a request the instance may have acted on is retried only
 * when it is idempotent.
 */
@MicronautTest
class BalancerTest extends GatewayTestBase {
  private final FakeService assessment1 = new FakeService("assessment-1");
  private final FakeService assessment2 = new FakeService("assessment-2");
  private final FakeService spare1 = new FakeService("spare-1");
  private final FakeService spare2 = new FakeService("spare-2");
  private final FakeService questionDropping = new FakeService("question-dropping");
  private final FakeService questionUp = new FakeService("question-up");
  private final FakeService speechDropping = new FakeService("speech-dropping");
  private final FakeService speechUp = new FakeService("speech-up");

  @Override
  protected Map<String, String> extraProperties() {
    return Map.of(
        "rehearse.services.assessment.url", assessment1.url() + "," + assessment2.url(),
        "rehearse.services.spare.url", spare1.url() + "," + spare2.url(),
        "rehearse.services.spare.paths", "/api/spare",
        "rehearse.services.question.url", questionDropping.url() + "," + questionUp.url(),
        "rehearse.services.speech.url", speechDropping.url() + "," + speechUp.url());
  }

  @AfterAll
  void stopInstances() {
    List.of(
            assessment1,
            assessment2,
            spare1,
            spare2,
            questionDropping,
            questionUp,
            speechDropping,
            speechUp)
        .forEach(FakeService::close);
  }

  @Test
  void requestsTakeTurnsAcrossTheInstances() {
    List<String> served = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      served.add(echo(HttpRequest.GET("/api/progress").bearerAuth(tokenFor("c-rr"))).service());
    }
    assertThat(served).filteredOn("assessment-1"::equals).hasSize(5);
    assertThat(served).filteredOn("assessment-2"::equals).hasSize(5);
  }

  @Test
  void anInstanceStoppedMidwayLosesNoRequestNotEvenAPost() {
    List<String> before = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      before.add(echo(HttpRequest.GET("/api/spare/items").bearerAuth(tokenFor("c-s"))).service());
    }
    assertThat(before).contains("spare-1", "spare-2");

    spare2.close(); // connections to it are refused from now on: no request reached it
    for (int i = 0; i < 6; i++) {
      Echo get = echo(HttpRequest.GET("/api/spare/items").bearerAuth(tokenFor("c-s")));
      Echo post =
          echo(HttpRequest.POST("/api/spare/items", Map.of("n", i)).bearerAuth(tokenFor("c-s")));
      assertThat(get.service()).isEqualTo("spare-1");
      assertThat(post.service()).isEqualTo("spare-1");
      assertThat(post.bodyLength()).isPositive(); // the body went along on the retry too
    }
  }

  @Test
  void aPostWhoseConnectionBrokeAfterItWasSentIsNotSentAgain() {
    String path = "/api/questions/dropped";
    questionDropping.drop(path);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      HttpRequest<?> post = HttpRequest.POST(path, Map.of("i", i)).bearerAuth(tokenFor("c-p"));
      try {
        echo(post);
        statuses.add(200);
      } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
        statuses.add(e.getStatus().getCode());
      }
    }
    // one of the two took its turn on the dropping instance, which may have acted on it
    assertThat(statuses).containsExactlyInAnyOrder(200, 503);
    assertThat(questionDropping.arrivals(path)).isEqualTo(1);
    assertThat(questionUp.arrivals(path)).as("the broken POST was not sent again").isEqualTo(1);
  }

  @Test
  void aGetWhoseConnectionBrokeIsSentToTheOtherInstance() {
    String path = "/api/spoken-attempts/dropped";
    speechDropping.drop(path);
    for (int i = 0; i < 2; i++) {
      Echo echo = echo(HttpRequest.GET(path).bearerAuth(tokenFor("c-g")));
      assertThat(echo.service()).isEqualTo("speech-up");
    }
    assertThat(speechDropping.arrivals(path)).as("reached, then dropped").isEqualTo(1);
    assertThat(speechUp.arrivals(path)).isEqualTo(2);
  }
}

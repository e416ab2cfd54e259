package dev.rehearse.gateway.liveanswer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.rehearse.gateway.GatewayTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The gateway's side of a live answer: who may open one, and what speech-service is asked. The
 * relay itself runs against the real speech-service in system-tests' LiveAnswerIT; here "speech" is
 * a plain HTTP server, so every admitted socket ends with 1013 once its handshake there fails.
 */
@MicronautTest
class LiveAnswerSocketTest extends GatewayTestBase {
  static final String PATH = "/api/live-answers?questionId=q-1&maxSeconds=60";
  @Inject EmbeddedServer server;

  @Override
  protected Map<String, String> extraProperties() {
    return Map.of("rehearse.gateway.limits.audio-per-minute", "2");
  }

  @Test
  void anUpgradeWithoutATokenIsRefusedWith401() {
    assertThat(assertProblem(upgrade(PATH), 401)).contains("sign in first");
    assertThat(handshakeStatus(PATH, null)).isEqualTo(401);
    assertThat(speech.lastRequest("/api/live-answers")).isEmpty();
  }

  @Test
  void anUpgradeWithABadTokenIsRefusedWith401() {
    String token = tokenFor("c-" + UUID.randomUUID());
    String forged = token.substring(0, token.length() - 4) + "AAAA";
    assertProblem(upgrade(PATH).bearerAuth(forged), 401);
    assertProblem(upgrade(PATH + "&access_token=" + forged), 401);
    assertThat(handshakeStatus(PATH, forged)).isEqualTo(401);
    assertThat(handshakeStatus(PATH + "&access_token=not-a-token", null)).isEqualTo(401);
    assertThat(speech.lastRequest("/api/live-answers")).isEmpty();
  }

  @Test
  void theQueryTokenOpensALiveAnswerAndGoesToSpeechInTheHeaderOnly() {
    String token = tokenFor("c-" + UUID.randomUUID());
    Closed closed = open(PATH + "&access_token=" + token, null);

    assertThat(closed.code()).isEqualTo(1013);
    assertThat(closed.reason()).contains("speech recognition cannot be reached");
    Map<String, Object> asked = speech.lastRequest("/api/live-answers").orElseThrow();
    assertThat(asked.get("query")).isEqualTo("questionId=q-1&maxSeconds=60");
    assertThat(asked.get("headers").toString())
        .contains("authorization=Bearer " + token)
        .contains("upgrade=websocket");
  }

  @Test
  void speechIsAskedInTheTraceOfTheCandidatesHandshake() {
    String traceId = "8a3c60f7d188f8fa79d48a391a778fa6";
    open(PATH, tokenFor("c-" + UUID.randomUUID()), "00-" + traceId + "-53995c3f42cd8ad8-01");

    Map<String, Object> asked = speech.lastRequest("/api/live-answers").orElseThrow();
    assertThat(asked.get("headers").toString())
        .containsPattern("traceparent=00-" + traceId + "-[0-9a-f]{16}-01(?!,00-)"); // one only
  }

  @Test
  void theQueryTokenIsStillIgnoredOnOtherPaths() {
    String token = tokenFor("c-" + UUID.randomUUID());
    assertProblem(HttpRequest.GET("/api/spoken-attempts/a-1?access_token=" + token), 401);
    assertProblem(HttpRequest.GET("/api/live-answers/x?access_token=" + token), 401);
  }

  @Test
  void aPlainGetIsNoUpgrade() {
    String token = tokenFor("c-" + UUID.randomUUID());
    assertProblem(HttpRequest.GET(PATH).bearerAuth(token), 400);
  }

  @Test
  void liveAnswersAndUploadsShareOneAudioLimit() {
    String token = tokenFor("c-" + UUID.randomUUID());
    http.toBlocking()
        .exchange(
            HttpRequest.POST("/api/spoken-attempts?questionId=q-1", new byte[100])
                .contentType("audio/wav")
                .bearerAuth(token));
    assertThat(open(PATH, token).code()).isEqualTo(1013); // admitted: speech is what fails

    assertThatThrownBy(() -> http.toBlocking().exchange(upgrade(PATH).bearerAuth(token)))
        .isInstanceOfSatisfying(
            HttpClientResponseException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(429);
              assertThat(e.getResponse().getHeaders().get("Retry-After")).isNotBlank();
            });
    assertThat(handshakeStatus(PATH, token)).isEqualTo(429);
  }

  /** The headers a browser's WebSocket handshake carries. */
  private static MutableHttpRequest<?> upgrade(String path) {
    return HttpRequest.GET(path)
        .header("Connection", "Upgrade")
        .header("Upgrade", "websocket")
        .header("Sec-WebSocket-Version", "13")
        .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
  }

  record Closed(int code, String reason) {}

  /** Opens a socket with the JDK's client and waits for its close. */
  private Closed open(String path, String bearer) {
    return open(path, bearer, null);
  }

  private Closed open(String path, String bearer, String traceparent) {
    CompletableFuture<Closed> closed = new CompletableFuture<>();
    WebSocket.Listener listener =
        new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
            closed.complete(new Closed(code, reason));
            return null;
          }
        };
    try {
      connect(path, bearer, traceparent, listener).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("the upgrade of " + path + " failed", e);
    }
    await().atMost(Duration.ofSeconds(10)).until(closed::isDone);
    return closed.join();
  }

  /** The status a refused handshake got from the JDK's WebSocket client. */
  private int handshakeStatus(String path, String bearer) {
    try {
      connect(path, bearer, null, new WebSocket.Listener() {}).get(10, TimeUnit.SECONDS).abort();
      throw new AssertionError("the upgrade of " + path + " went through");
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
      return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private CompletableFuture<WebSocket> connect(
      String path, String bearer, String traceparent, WebSocket.Listener listener) {
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
    if (bearer != null) {
      builder.header("Authorization", "Bearer " + bearer);
    }
    if (traceparent != null) {
      builder.header("traceparent", traceparent);
    }
    return builder.buildAsync(URI.create("ws://localhost:" + server.getPort() + path), listener);
  }
}

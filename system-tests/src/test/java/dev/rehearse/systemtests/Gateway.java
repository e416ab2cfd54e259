package dev.rehearse.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** The suite as a browser sees it: everything goes through the gateway, as one candidate. */
final class Gateway {
  /** How a request says who is calling. */
  interface Identity extends UnaryOperator<HttpRequest.Builder> {
    Identity ANONYMOUS = request -> request;

    static Identity bearer(String token) {
      return request -> request.header("Authorization", "Bearer " + token);
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final Identity identity;

  Gateway(URI base, Identity identity) {
    this.base = base;
    this.identity = identity;
  }

  Gateway as(Identity other) {
    return new Gateway(base, other);
  }

  /** A candidate account, its access token and the gateway as that candidate. */
  record Account(String id, String token, Gateway gateway) {}

  /** Registers a new candidate account, as the web app does, from this anonymous gateway. */
  Account signUp() {
    String name = "system-test-" + UUID.randomUUID();
    HttpResponse<String> registered =
        postJson(
            "/api/auth/register",
            Json.write(
                Map.of(
                    "email",
                    name + "@example.com",
                    "password",
                    UUID.randomUUID().toString(),
                    "displayName",
                    "System Test")));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    JsonNode body = Json.read(registered.body());
    String token = body.path("accessToken").asText();
    return new Account(body.path("user").path("id").asText(), token, as(Identity.bearer(token)));
  }

  HttpResponse<String> postJson(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(json)));
  }

  /** A typed answer to the question, as the web app sends it. */
  HttpResponse<String> postAnswer(String questionId, String text) {
    return postJson(
        "/api/attempts", Json.write(Map.of("questionId", questionId, "answerText", text)));
  }

  HttpResponse<String> postWav(String path, byte[] wav) {
    return send(
        request(path).header("Content-Type", "audio/wav").POST(BodyPublishers.ofByteArray(wav)));
  }

  /**
   * Submits a spoken answer, retrying until it is accepted (the question reaches the services over
   * Kafka shortly after start-up); returns the attempt's id.
   */
  String submitSpokenAttempt(String questionId, byte[] wav) {
    HttpResponse<String> accepted =
        awaitStatus(() -> postWav("/api/spoken-attempts?questionId=" + questionId, wav), 202);
    return Json.read(accepted.body()).path("id").asText();
  }

  /**
   * Sends {@code request} until it answers {@code status} (what it needs may still be on its way
   * over Kafka, or being scored); returns that answer.
   */
  static HttpResponse<String> awaitStatus(Supplier<HttpResponse<String>> request, int status) {
    AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              last.set(request.get());
              assertThat(last.get().statusCode()).as(last.get().body()).isEqualTo(status);
            });
    return last.get();
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  /**
   * Any method, with or without a body (a null content type sends none): for tests that try every
   * endpoint.
   */
  HttpResponse<String> exchange(String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder request = request(path);
    if (contentType == null) {
      return send(request.method(method, BodyPublishers.noBody()));
    }
    return send(
        request
            .header("Content-Type", contentType)
            .method(method, BodyPublishers.ofByteArray(body)));
  }

  /** A bodiless request with headers of its own (DELETE /api/me's X-Confirm-Password). */
  HttpResponse<String> exchangeWith(String method, String path, Map<String, String> headers) {
    HttpRequest.Builder request = request(path);
    headers.forEach(request::header);
    return send(request.method(method, BodyPublishers.noBody()));
  }

  /**
   * This caller's request to {@code path}, for a client of one's own (an event stream with headers
   * of its own).
   */
  HttpRequest.Builder builder(String path) {
    return request(path);
  }

  /** Opens the candidate's live event stream and returns once the gateway accepted it. */
  EventStream events() {
    return events(null);
  }

  /** As {@link #events()}, resuming after the event {@code lastEventId} (null: from now). */
  EventStream events(String lastEventId) {
    HttpRequest.Builder request =
        request("/api/events").header("Accept", "text/event-stream").timeout(Duration.ofHours(1));
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    return EventStream.open(http, request.GET().build());
  }

  /** {@code path} as a WebSocket address on the gateway (ws: or wss:, as the base is). */
  URI webSocket(String path) {
    return URI.create(base.toString().replaceFirst("^http", "ws")).resolve(path);
  }

  private HttpRequest.Builder request(String path) {
    return identity.apply(
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package dev.rehearse.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A live answer's WebSocket as the web app holds one (the JDK's client here): the JSON messages the
 * server sent, in order, and how the socket closed.
 */
final class LiveSocket implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  record Closed(int code, String reason) {}

  private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Closed> closed = new CompletableFuture<>();
  private final WebSocket socket;

  private LiveSocket(URI uri, String bearer) {
    try {
      socket = connect(uri, bearer, new Listener()).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("could not open " + uri, e);
    }
  }

  /** Opens {@code uri}, with {@code bearer} in the Authorization header unless it is null. */
  static LiveSocket open(URI uri, String bearer) {
    return new LiveSocket(uri, bearer);
  }

  /** The HTTP status of a handshake the server refuses (fails if it is accepted). */
  static int refusal(URI uri, String bearer) {
    try {
      connect(uri, bearer, new WebSocket.Listener() {}).get(30, TimeUnit.SECONDS).abort();
      throw new AssertionError("the upgrade of " + uri + " was accepted");
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
      return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
    } catch (Exception e) {
      throw new AssertionError("could not try " + uri, e);
    }
  }

  private static CompletableFuture<WebSocket> connect(
      URI uri, String bearer, WebSocket.Listener listener) {
    WebSocket.Builder builder = HTTP.newWebSocketBuilder();
    if (bearer != null) {
      builder.header("Authorization", "Bearer " + bearer);
    }
    return builder.buildAsync(uri, listener);
  }

  /** Sends {@code length} bytes of {@code audio} from {@code offset} as one binary frame. */
  void send(byte[] audio, int offset, int length) {
    socket.sendBinary(ByteBuffer.wrap(audio, offset, length), true).join();
  }

  void sendText(String json) {
    socket.sendText(json, true).join();
  }

  /** The messages of this type received so far, in order. */
  List<JsonNode> messages(String type) {
    return messages.stream().filter(m -> type.equals(m.path("type").asText())).toList();
  }

  Optional<Closed> closed() {
    return Optional.ofNullable(closed.getNow(null));
  }

  @Override
  public void close() {
    socket.abort();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        messages.add(Json.read(text.toString()));
        text.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int code, String reason) {
      closed.complete(new Closed(code, reason));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.completeExceptionally(error);
    }
  }
}

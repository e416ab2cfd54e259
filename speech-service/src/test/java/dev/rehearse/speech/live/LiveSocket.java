package dev.rehearse.speech.live;

import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** A test's live-answer client (the JDK's WebSocket): sends frames, keeps what the server said. */
final class LiveSocket implements WebSocket.Listener, AutoCloseable {
  /** How a socket ended: the code and reason of the server's close frame. */
  record Ended(int code, String reason) {}

  private final ObjectMapper json;
  private final List<Map<String, Object>> messages = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Ended> ended = new CompletableFuture<>();
  private final StringBuilder text = new StringBuilder();
  private WebSocket socket;

  private LiveSocket(ObjectMapper json) {
    this.json = json;
  }

  static LiveSocket open(URI uri, String bearerToken, ObjectMapper json) {
    LiveSocket live = new LiveSocket(json);
    live.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .header("Authorization", "Bearer " + bearerToken)
            .buildAsync(uri, live)
            .join();
    return live;
  }

  /**
   * Sends {@code pcm} in frames of {@code frameBytes}, as fast as the socket takes them, until the
   * server closes it.
   */
  void send(byte[] pcm, int frameBytes) {
    for (int at = 0; at < pcm.length && !ended.isDone(); at += frameBytes) {
      frame(Arrays.copyOfRange(pcm, at, Math.min(pcm.length, at + frameBytes)));
    }
  }

  void frame(byte[] bytes) {
    try {
      socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    } catch (CompletionException e) {
      // The server closing the socket mid-send fails the send ("closed output") before or after
      // its close frame is read; only a send that fails without the socket ending is an error.
      try {
        ended.get(10, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException notEnded) {
        e.addSuppressed(notEnded);
        throw e;
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw e;
      }
    }
  }

  void text(String message) {
    socket.sendText(message, true).join();
  }

  /** Drops the connection without a close frame, as a lost network would. */
  void drop() {
    socket.abort();
  }

  List<Map<String, Object>> messages() {
    return messages;
  }

  List<Map<String, Object>> messages(String type) {
    return messages.stream().filter(m -> type.equals(m.get("type"))).toList();
  }

  Optional<Map<String, Object>> first(String type, Predicate<Map<String, Object>> matching) {
    return messages(type).stream().filter(matching).findFirst();
  }

  CompletableFuture<Ended> ended() {
    return ended;
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    text.append(data);
    if (last) {
      try {
        @SuppressWarnings("unchecked")
        Map<String, Object> message = json.readValue(text.toString(), Map.class);
        messages.add(message);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      text.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    ended.complete(new Ended(statusCode, reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    ended.complete(new Ended(1006, String.valueOf(error.getMessage())));
  }

  @Override
  public void close() {
    if (!ended.isDone()) {
      socket.abort();
    }
  }
}

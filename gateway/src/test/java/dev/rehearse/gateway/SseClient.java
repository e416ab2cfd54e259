package dev.rehearse.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A browser's EventSource, reduced: connects, then collects the events as they arrive. */
public final class SseClient implements AutoCloseable {
  public record Received(String id, String event, String data) {}

  private final List<Received> events = new CopyOnWriteArrayList<>();
  private final HttpResponse<InputStream> response;
  private final Thread reader;
  private volatile boolean ended;

  /**
   * Returns once the stream is open and the gateway has registered it (its first comment arrived).
   */
  public SseClient(String url, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
    headers.forEach(request::header);
    try {
      response =
          HttpClient.newHttpClient()
              .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException("SSE answered " + response.statusCode());
    }
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    try {
      String first = lines.readLine();
      if (first == null || !first.startsWith(":")) {
        throw new IllegalStateException("expected the connected comment, got " + first);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    reader = new Thread(() -> read(lines), "sse-" + url);
    reader.setDaemon(true);
    reader.start();
  }

  public int status() {
    return response.statusCode();
  }

  /** True once the server has ended the stream. */
  public boolean ended() {
    return ended;
  }

  public List<Received> events() {
    return List.copyOf(events);
  }

  private void read(BufferedReader lines) {
    String id = null;
    String event = null;
    StringBuilder data = new StringBuilder();
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isEmpty()) {
          if (data.length() > 0) {
            events.add(new Received(id, event, data.toString()));
          }
          id = null;
          event = null;
          data.setLength(0);
        } else if (line.startsWith("id:")) {
          id = line.substring(3).trim();
        } else if (line.startsWith("event:")) {
          event = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
          data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).trim());
        }
      }
    } catch (IOException closed) {
      // the test closed the stream
    }
    ended = true;
  }

  @Override
  public void close() {
    try {
      response.body().close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}

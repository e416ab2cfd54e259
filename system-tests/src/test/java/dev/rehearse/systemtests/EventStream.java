package dev.rehearse.systemtests;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Server-Sent Events stream read in the background; events are kept as their joined data lines.
 */
final class EventStream implements AutoCloseable {
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final Stream<String> lines;
  private volatile String lastEventId;
  private volatile boolean ended;

  private EventStream(Stream<String> lines) {
    this.lines = lines;
    Thread reader = new Thread(this::read, "sse-reader");
    reader.setDaemon(true);
    reader.start();
  }

  static EventStream open(HttpClient http, HttpRequest request) {
    try {
      HttpResponse<Stream<String>> response =
          http.sendAsync(request, BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
      if (response.statusCode() != 200) {
        response.body().close();
        throw new AssertionError("GET " + request.uri() + " answered " + response.statusCode());
      }
      return new EventStream(response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new AssertionError("could not open " + request.uri(), e);
    }
  }

  /** The data of every complete event received so far. */
  List<String> events() {
    return List.copyOf(events);
  }

  /** The id of the last complete event, what a reconnect sends as Last-Event-ID; null: none. */
  String lastEventId() {
    return lastEventId;
  }

  /** Whether the server ended the stream (or the connection broke). */
  boolean ended() {
    return ended;
  }

  private void read() {
    List<String> data = new ArrayList<>();
    String[] id = {null};
    try {
      lines.forEach(
          line -> {
            if (line.startsWith("data:")) {
              data.add(line.substring(5).strip());
            } else if (line.startsWith("id:")) {
              id[0] = line.substring(3).strip();
            } else if (line.isEmpty() && !data.isEmpty()) {
              lastEventId = id[0];
              events.add(String.join("\n", data));
              data.clear();
            }
          });
    } catch (RuntimeException e) {
      // the stream ends when it is closed; what arrived before stays readable
    } finally {
      ended = true;
    }
  }

  @Override
  public void close() {
    lines.close();
  }
}

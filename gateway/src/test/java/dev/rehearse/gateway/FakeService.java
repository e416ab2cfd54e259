package dev.rehearse.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for a downstream service: the real ones run as separate processes, so gateway tests
 * start this small JDK HTTP server instead. By default it echoes what the gateway forwarded
 * (service, method, path, query, headers, body length and SHA-256); a path can be given a canned
 * answer, or made to hang.
 */
public final class FakeService implements AutoCloseable {
  private record Canned(int status, String body, Map<String, List<String>> headers) {}

  private final String name;
  private final HttpServer server;
  private final ExecutorService workers = Executors.newFixedThreadPool(8);
  private final Map<String, Canned> canned = new ConcurrentHashMap<>();
  private final Map<String, Boolean> hanging = new ConcurrentHashMap<>();
  private final Map<String, Boolean> dropping = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> arrivals = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Object>> received = new ConcurrentHashMap<>();
  private final CountDownLatch closing = new CountDownLatch(1);

  public FakeService(String name) {
    this.name = name;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.setExecutor(workers);
    server.createContext("/", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A URL where nothing listens: a service that is down. */
  public static String downUrl() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public void answer(String path, int status, String json) {
    answer(path, status, json, Map.of());
  }

  /** A canned answer with extra headers, each name with its values in order. */
  public void answer(String path, int status, String json, Map<String, List<String>> headers) {
    canned.put(path, new Canned(status, json, headers));
  }

  public void hang(String path) {
    hanging.put(path, true);
  }

  /** Requests to {@code path} are read in full, then the connection is closed with no answer. */
  public void drop(String path) {
    dropping.put(path, true);
  }

  /** How many requests to {@code path} arrived, answered or not. */
  public int arrivals(String path) {
    return arrivals.getOrDefault(path, new AtomicInteger()).get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    arrivals.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    if (dropping.containsKey(path)) {
      exchange.close(); // before any response header: the JDK server closes the connection
      return;
    }
    if (hanging.containsKey(path)) {
      awaitClose();
    }
    Canned answer = canned.get(path);
    byte[] out;
    int status;
    if (answer != null) {
      status = answer.status();
      out = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange
          .getResponseHeaders()
          .add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
      answer
          .headers()
          .forEach(
              (name, values) -> values.forEach(v -> exchange.getResponseHeaders().add(name, v)));
    } else {
      status = 200;
      out = echo(exchange, path, body);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
    }
    exchange.sendResponseHeaders(status, out.length);
    exchange.getResponseBody().write(out);
    exchange.close();
  }

  private byte[] echo(HttpExchange exchange, String path, byte[] body) throws IOException {
    Map<String, String> headers = new TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
    Map<String, Object> echo = new LinkedHashMap<>();
    echo.put("service", name);
    echo.put("method", exchange.getRequestMethod());
    echo.put("path", path);
    echo.put("query", exchange.getRequestURI().getRawQuery());
    echo.put("headers", headers);
    echo.put("bodyLength", body.length);
    echo.put("bodySha256", sha256(body));
    received.put(path, echo);
    return ObjectMapper.getDefault().writeValueAsBytes(echo);
  }

  /** The echo of the last request this service got at {@code path}, if any. */
  public Optional<Map<String, Object>> lastRequest(String path) {
    return Optional.ofNullable(received.get(path));
  }

  private void awaitClose() {
    try {
      closing.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    workers.shutdownNow();
  }
}

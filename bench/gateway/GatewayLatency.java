import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The gateway's added latency: the same question queries sent straight to question-service and
 * through the gateway, alternating request by request in one run, so both see the same machine,
 * data and JIT state. Each client thread keeps one HTTP/1.1 connection per target, like a browser.
 * Both targets get the same request with the same token: the service verifies it itself, as it does
 * behind the gateway.
 *
 * <p>Any answer but 200 ends the run (exit 1). The last line is the verdict, {@code RESULT: PASS} or
 * {@code RESULT: FAIL} (exit 2: the target was missed); under BENCH_SMOKE=1 the target is not checked.
 *
 * <p>java GatewayLatency.java DIRECT_URL GATEWAY_URL TOKEN [requests-per-path] [threads] [warm-up requests]
 */
public class GatewayLatency {
  static final List<String> PATHS = List.of(
      "/api/questions?size=20",
      "/api/questions?q=rollback&size=10",
      "/api/roles");


  public static void main(String[] args) throws Exception {
    String direct = args[0];
    String gateway = args[1];
    String token = args[2];
    int perPath = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
    int threads = args.length > 4 ? Integer.parseInt(args[4]) : 1;
    // both JVMs must reach steady state (C2-compiled hot paths) before anything is measured
    int warmup = args.length > 5 ? Integer.parseInt(args[5]) : Math.max(perPath, 4000);
    boolean smoke = "1".equals(System.getenv("BENCH_SMOKE"));

    System.out.printf("warming up (%d requests per target and path)%n", warmup);
    run(direct, gateway, token, warmup, threads);
    System.out.printf("measuring: %d requests per target and path, %d client thread(s), interleaved%n", perPath, threads);
    Map<String, long[][]> results = run(direct, gateway, token, perPath, threads);

    System.out.printf("%-36s %9s %9s %9s %9s %9s%n", "path", "target", "p50 ms", "p90 ms", "p99 ms", "mean ms");
    boolean ok = true;
    for (String path : PATHS) {
      long[][] r = results.get(path);
      double d50 = pct(r[0], 50);
      double g50 = pct(r[1], 50);
      print(path, "direct", r[0]);
      print("", "gateway", r[1]);
      double added = (g50 - d50) / d50 * 100;
      System.out.printf(Locale.ROOT, "%-36s added at p50: %.3f ms (%.1f%%)%n", "", g50 - d50, added);
      if (path.startsWith("/api/questions") && added > 30) {
        ok = false;
      }
    }
    if (smoke) {
      System.out.println("RESULT: PASS (smoke run: no errors; the 30% target is not checked)");
    } else {
      System.out.println(ok ? "RESULT: PASS (question queries: at most 30% added at p50)" : "RESULT: FAIL (over 30% added at p50)");
      System.exit(ok ? 0 : 2);
    }
  }

  /** For each path: [0] direct latencies, [1] gateway latencies, in nanoseconds. */
  static Map<String, long[][]> run(String direct, String gateway, String token, int perPath, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Map<String, long[][]>>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int share = perPath / threads;
        parts.add(pool.submit(() -> measure(direct, gateway, token, share)));
      }
      Map<String, long[][]> merged = new java.util.HashMap<>();
      for (Future<Map<String, long[][]>> part : parts) {
        part.get().forEach((path, r) -> merged.merge(path, r, (a, b) -> new long[][] {concat(a[0], b[0]), concat(a[1], b[1])}));
      }
      return merged;
    } finally {
      pool.shutdownNow(); // a failed request must end the run, not leave a client thread holding the JVM
    }
  }

  static Map<String, long[][]> measure(String direct, String gateway, String token, int n) throws Exception {
    HttpClient toDirect = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    HttpClient toGateway = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    Map<String, long[][]> out = new java.util.HashMap<>();
    for (String path : PATHS) {
      long[] d = new long[n];
      long[] g = new long[n];
      for (int i = 0; i < n; i++) {
        // alternate which goes first, so neither always benefits from the other's warm caches
        if (i % 2 == 0) {
          d[i] = time(toDirect, direct + path, token);
          g[i] = time(toGateway, gateway + path, token);
        } else {
          g[i] = time(toGateway, gateway + path, token);
          d[i] = time(toDirect, direct + path, token);
        }
      }
      out.put(path, new long[][] {d, g});
    }
    return out;
  }

  static long time(HttpClient client, String url, String token) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(10)).GET().build();
    long start = System.nanoTime();
    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    long elapsed = System.nanoTime() - start;
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + new String(response.body()));
    }
    return elapsed;
  }

  /** A string claim of the token (the first element of a list claim), read without verifying it. */
  static void print(String path, String target, long[] r) {
    System.out.printf(Locale.ROOT, "%-36s %9s %9.3f %9.3f %9.3f %9.3f%n", path, target, pct(r, 50), pct(r, 90), pct(r, 99),
        Arrays.stream(r).average().orElse(0) / 1e6);
  }

  static double pct(long[] values, int p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }

  static long[] concat(long[] a, long[] b) {
    long[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}

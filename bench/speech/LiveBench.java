import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Live spoken answers in one run, on the committed recordings streamed at the pace they were spoken
 * (100 ms frames), each client its own candidate account:
 * 1. stop to score: from the client's stop to the `scored` event on the gateway's event stream, for
 *    a 20 s and a 2 min answer, live (through the gateway's WebSocket) against the upload path
 *    (the same audio as a WAV, posted at the stop) as the baseline;
 * 2. partial latency: from a frame's sending to the first partial that includes it, against raw Vosk
 *    (one recognizer in this JVM) taking one 100 ms frame and giving its partial;
 * 3. capacity: simultaneous live answers directly on one speech-service instance, 1, 2, 4, ... until
 *    the partial p95 reaches 400 ms or an answer fails, against raw Vosk's real-time factor
 *    (cores / RTF streams, the ideal).
 *
 * <p>The last line is the verdict: stop-to-score p95 under 1 s at both lengths and partial p95 under
 * 400 ms, "live: PASS" (exit 0) or "live: FAIL" (exit 2); not checked under BENCH_SMOKE=1.
 *
 * <p>java -cp speech-service-all.jar LiveBench.java GATEWAY_URL SPEECH_URL KAFKA MODEL AUDIO_DIR
 */
public class LiveBench {
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final String QUESTION = "bench-live-serving";
  static final int FRAME = 3_200; // 100 ms of 16 kHz 16-bit mono
  static final boolean SMOKE = "1".equals(System.getenv("BENCH_SMOKE"));
  static final Map<String, CompletableFuture<Long>> SCORED = new ConcurrentHashMap<>();
  /** How many scored events each attempt got (bench/scale checks each is scored once). */
  static final Map<String, Integer> SCORED_COUNT = new ConcurrentHashMap<>();
  static String gateway;
  static String speech;

  public static void main(String[] args) throws Exception {
    gateway = args[0];
    speech = args[1];
    String kafka = args[2];
    Path model = Path.of(args[3]);
    Path audio = Path.of(args[4]);
    int shortRounds = intEnv("BENCH_LIVE_SHORT_ROUNDS", SMOKE ? 1 : 5);
    int longRounds = intEnv("BENCH_LIVE_LONG_ROUNDS", SMOKE ? 1 : 2);
    int clients = intEnv("BENCH_LIVE_CLIENTS", SMOKE ? 1 : 2);
    int[] ladder = SMOKE ? new int[] {1} : new int[] {1, 2, 4, 6, 8, 12, 16, 20, 24, 32};

    List<byte[]> clips = new ArrayList<>();
    for (String name : List.of("serving-rollout", "feature-store", "checkpointing", "cost", "drift")) {
      byte[] wav = Files.readAllBytes(audio.resolve("answers/" + name + ".wav"));
      clips.add(Arrays.copyOfRange(wav, 44, wav.length));
    }
    byte[] shortAnswer = answerOf(clips, SMOKE ? 3 : 20);
    byte[] longAnswer = answerOf(clips, SMOKE ? 5 : 119); // uploads take at most 2 min

    publishQuestion(kafka);
    List<Account> accounts = new ArrayList<>();
    for (int i = 0; i < Math.max(clients, ladder[ladder.length - 1]); i++) {
      accounts.add(Account.signUp());
    }
    // warm-up: both services know the question once an upload is scored
    Account first = accounts.get(0);
    first.scoreOfUpload(wav(answerOf(clips, 2)), Duration.ofMinutes(3));

    List<Long> framesToPartial = new CopyOnWriteArrayList<>();
    double shortP95 = stopToScore("20 s", shortAnswer, shortRounds, accounts.subList(0, clients), framesToPartial);
    double longP95 = stopToScore("2 min", longAnswer, longRounds, accounts.subList(0, clients), framesToPartial);

    System.out.printf("%n== partial latency: a frame's sending to the first partial that includes it (the runs above)%n");
    long[] rawFrame;
    double rawRtf;
    LibVosk.setLogLevel(LogLevel.WARNINGS);
    try (Model vosk = new Model(model.toString())) {
      rawFrame = rawFrames(vosk, shortAnswer);
      rawRtf = Arrays.stream(rawFrame).sum() / 1e9 / (shortAnswer.length / 32_000.0);
    }
    long[] partials = framesToPartial.stream().mapToLong(Long::longValue).toArray();
    double partialP95 = print("partial after a frame, gateway", partials);
    double rawP95 = print("raw Vosk, one frame + partial", rawFrame);
    System.out.printf(Locale.ROOT, "ratio p95: %.1fx raw Vosk (network, relay, queueing; the target is 400 ms)%n",
        partialP95 / Math.max(rawP95, 0.001));

    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(Locale.ROOT, "%n== capacity: simultaneous live answers on one speech-service, directly, %s s each at real-time pace%n",
        SMOKE ? "3" : "20");
    int sustained = capacity(ladder, accounts, shortAnswer);
    System.out.printf(Locale.ROOT, "capacity: %d simultaneous live answers with partial p95 under 400 ms; raw Vosk RTF %.3f"
            + " (a fresh recognizer, 100 ms frames, a partial after each): %d cores / RTF = %.1f streams at most; ratio %.2f%n",
        sustained, rawRtf, cores, cores / rawRtf, sustained / (cores / rawRtf));

    boolean met = shortP95 < 1000 && longP95 < 1000 && partialP95 < 400;
    System.out.println();
    if (SMOKE) {
      System.out.println("live: PASS (smoke run: no errors; the targets are not checked)");
    } else {
      System.out.println(met ? "live: PASS (stop to score p95 under 1 s at 20 s and 2 min, partial p95 under 400 ms)"
          : "live: FAIL (stop to score p95 >= 1 s, or partial p95 >= 400 ms)");
    }
    System.exit(SMOKE || met ? 0 : 2);
  }

  // ---- 1. stop to score ------------------------------------------------------------------------

  /** The live p95, in ms. */
  static double stopToScore(String label, byte[] pcm, int rounds, List<Account> clients, List<Long> framesToPartial)
      throws Exception {
    System.out.printf(Locale.ROOT, "%n== stop to score, %s answer (%.1f s of audio), %d clients x %d rounds, live vs upload%n",
        label, pcm.length / 32_000.0, clients.size(), rounds);
    List<Long> live = new CopyOnWriteArrayList<>();
    List<Long> finals = new CopyOnWriteArrayList<>();
    List<Long> upload = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients.size());
    List<Future<?>> runs = new ArrayList<>();
    for (Account account : clients) {
      runs.add(pool.submit(() -> {
        for (int r = 0; r < rounds; r++) {
          LiveRun run = LiveRun.stream(gateway.replace("http", "ws") + "/api/live-answers?questionId=" + QUESTION
              + "&access_token=" + account.token, null, pcm, true);
          long stop = run.stoppedAt;
          String attemptId = run.attemptId.get(60, TimeUnit.SECONDS);
          finals.add(run.finalAt - stop);
          live.add(account.awaitScore(attemptId, Duration.ofSeconds(60)) - stop);
          framesToPartial.addAll(run.frameLatencies());
          upload.add(account.scoreOfUpload(wav(pcm), Duration.ofMinutes(3)));
        }
        return null;
      }));
    }
    for (Future<?> run : runs) {
      run.get();
    }
    pool.shutdown();
    double p95 = print("live " + label + ", stop to score", toArray(live));
    print("live " + label + ", stop to final", toArray(finals));
    double uploadP95 = print("upload " + label + ", stop to score", toArray(upload));
    System.out.printf(Locale.ROOT, "ratio p95: live is %.1fx faster than the upload path%n", uploadP95 / p95);
    return p95;
  }

  // ---- 2. raw Vosk per frame ---------------------------------------------------------------------

  /**
   * A fresh recognizer's first pass, frame by frame with a partial after each, as a new live answer
   * gets it. Vosk caches what it expands of its decoding graph per recognizer: decoding the same audio
   * again on the same recognizer is several times cheaper, so that would flatter the baseline.
   */
  static long[] rawFrames(Model model, byte[] pcm) throws Exception {
    List<Long> times = new ArrayList<>();
    try (Recognizer r = new Recognizer(model, 16000)) {
      r.setWords(true);
      for (int at = 0; at < pcm.length; at += FRAME) {
        byte[] frame = Arrays.copyOfRange(pcm, at, Math.min(pcm.length, at + FRAME));
        long t0 = System.nanoTime();
        if (r.acceptWaveForm(frame, frame.length)) {
          r.getResult();
        }
        r.getPartialResult();
        times.add(System.nanoTime() - t0);
      }
      r.getFinalResult();
    }
    return toArray(times);
  }

  // ---- 3. capacity -------------------------------------------------------------------------------

  static int capacity(int[] ladder, List<Account> accounts, byte[] pcm) throws Exception {
    int sustained = 0;
    for (int n : ladder) {
      ExecutorService pool = Executors.newFixedThreadPool(n);
      List<Future<LiveRun>> runs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Account account = accounts.get(i);
        long startAt = System.nanoTime() + i * 100_000_000L / n; // spread over one frame
        runs.add(pool.submit(() -> {
          LockSupport.parkNanos(startAt - System.nanoTime());
          return LiveRun.stream(speech.replace("http", "ws") + "/api/live-answers?questionId=" + QUESTION, account.token,
              pcm, true);
        }));
      }
      List<Long> latencies = new ArrayList<>();
      int failed = 0;
      for (Future<LiveRun> f : runs) {
        try {
          LiveRun run = f.get();
          run.attemptId.get(60, TimeUnit.SECONDS);
          latencies.addAll(run.frameLatencies());
        } catch (Exception e) {
          failed++;
          System.out.println("  an answer failed: " + e.getMessage());
        }
      }
      pool.shutdown();
      double p95 = print(n + " live answers, partial", toArray(latencies));
      if (latencies.isEmpty()) {
        failed = n; // no partial at all is no live answer
      }
      if (failed > 0 || p95 >= 400) {
        System.out.printf("breaks at %d: %s%n", n, failed > 0 ? failed + " answers failed" : "partial p95 reached 400 ms");
        return sustained;
      }
      sustained = n;
    }
    System.out.printf("held at every step up to %d (the ladder's end)%n", sustained);
    return sustained;
  }

  // ---- a live answer streamed at the pace it was spoken ------------------------------------------

  static final class LiveRun implements WebSocket.Listener {
    final List<long[]> sent = new ArrayList<>(); // {sendNanos, audio end in bytes}
    final List<long[]> partials = new CopyOnWriteArrayList<>(); // {arrivalNanos, audio seen in ms}
    final CompletableFuture<String> attemptId = new CompletableFuture<>();
    final StringBuilder text = new StringBuilder();
    long stoppedAt;
    volatile long finalAt;

    static LiveRun stream(String url, String bearer, byte[] pcm, boolean stop) throws Exception {
      LiveRun run = new LiveRun();
      WebSocket.Builder builder = HTTP.newWebSocketBuilder();
      if (bearer != null) {
        builder.header("Authorization", "Bearer " + bearer);
      }
      WebSocket socket = builder.buildAsync(URI.create(url), run).get(30, TimeUnit.SECONDS);
      long start = System.nanoTime();
      for (int at = 0, i = 0; at < pcm.length; at += FRAME, i++) {
        LockSupport.parkNanos(start + i * 100_000_000L - System.nanoTime());
        int end = Math.min(pcm.length, at + FRAME);
        long now = System.nanoTime();
        socket.sendBinary(ByteBuffer.wrap(pcm, at, end - at), true).get(10, TimeUnit.SECONDS);
        run.sent.add(new long[] {now, end});
      }
      if (stop) {
        run.stoppedAt = System.nanoTime();
        socket.sendText("{\"type\":\"stop\"}", true).get(10, TimeUnit.SECONDS);
      }
      return run;
    }

    /** For each frame, the first partial whose audio includes it. */
    List<Long> frameLatencies() {
      List<Long> out = new ArrayList<>();
      for (long[] frame : sent) {
        long endMs = frame[1] * 1000 / 32_000;
        partials.stream().filter(p -> p[1] >= endMs && p[0] >= frame[0]).findFirst()
            .ifPresent(p -> out.add(p[0] - frame[0]));
      }
      return out;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        String message = text.toString();
        text.setLength(0);
        long now = System.nanoTime();
        switch (String.valueOf(field(message, "type"))) {
          case "partial" -> partials.add(new long[] {now, Math.round(number(message, "seconds") * 1000)});
          case "final" -> {
            finalAt = now;
            attemptId.complete(field(message, "attemptId"));
          }
          default -> { }
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int code, String reason) {
      attemptId.completeExceptionally(new IllegalStateException("closed " + code + " " + reason));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      attemptId.completeExceptionally(error);
    }
  }

  // ---- accounts and their event streams -----------------------------------------------------------

  static final class Account {
    final String token;

    Account(String token) {
      this.token = token;
    }

    static Account signUp() throws Exception {
      String body = "{\"email\":\"live-" + UUID.randomUUID() + "@rehearse.test\",\"password\":\"benchmark password\","
          + "\"displayName\":\"Live bench\"}";
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/auth/register"))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200 && r.statusCode() != 201) {
        throw new IllegalStateException("sign-up answered " + r.statusCode() + ": " + r.body());
      }
      Account account = new Account(field(r.body(), "accessToken"));
      account.listen();
      return account;
    }

    /** Reads this account's event stream for good, noting when each scored attempt arrives. */
    void listen() throws Exception {
      HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/events?access_token="
          + URLEncoder.encode(token, StandardCharsets.UTF_8))).GET().build();
      HttpResponse<java.io.InputStream> stream = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
      if (stream.statusCode() != 200) {
        throw new IllegalStateException("the event stream answered " + stream.statusCode());
      }
      Thread reader = new Thread(() -> {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
          String event = "";
          for (String line; (line = lines.readLine()) != null; ) {
            long now = System.nanoTime();
            if (line.startsWith("event:")) {
              event = line.substring(6).trim();
            } else if (line.startsWith("data:") && "scored".equals(event)) {
              String id = field(line, "attemptId");
              SCORED_COUNT.merge(id, 1, Integer::sum);
              SCORED.computeIfAbsent(id, k -> new CompletableFuture<>()).complete(now);
            }
          }
        } catch (Exception e) {
          // the stream ends with the run (or the token's life)
        }
      });
      reader.setDaemon(true);
      reader.start();
    }

    long awaitScore(String attemptId, Duration within) throws Exception {
      return SCORED.computeIfAbsent(attemptId, k -> new CompletableFuture<>()).get(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Posts the WAV as an answer to the bench question. */
    HttpResponse<String> upload(byte[] wav) throws Exception {
      return HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/spoken-attempts?questionId=" + QUESTION))
          .header("Authorization", "Bearer " + token).header("Content-Type", "audio/wav")
          .POST(HttpRequest.BodyPublishers.ofByteArray(wav)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the WAV and returns the nanoseconds from the post to its score on the event stream. */
    long scoreOfUpload(byte[] wav, Duration within) throws Exception {
      long start = System.nanoTime();
      HttpResponse<String> r = upload(wav);
      if (r.statusCode() != 202) {
        throw new IllegalStateException("upload answered " + r.statusCode() + ": " + r.body());
      }
      return awaitScore(field(r.body(), "id"), within) - start;
    }
  }

  // ---- helpers ------------------------------------------------------------------------------------

  static void publishQuestion(String kafka) throws Exception {
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka);
    String concepts = "[{\"id\":\"canary\",\"label\":\"Canary release\",\"weight\":40,\"synonyms\":[\"canary\"]},"
        + "{\"id\":\"rollback\",\"label\":\"Rollback\",\"weight\":30,\"synonyms\":[\"roll back\"]},"
        + "{\"id\":\"monitoring\",\"label\":\"Watching latency and errors\",\"weight\":30,\"synonyms\":[\"latency\",\"error rate\"]}]";
    String item = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"schemaVersion\":1,\"occurredAt\":\"" + Instant.now() + "\","
        + "\"questionId\":\"" + QUESTION + "\",\"roleIds\":[\"ml-infrastructure-engineer\"],\"skillId\":\"model-serving\","
        + "\"level\":\"Intermediate\",\"text\":\"How would you roll out a new model version to a busy inference service?\","
        + "\"concepts\":" + concepts + ",\"redFlags\":[],\"type\":\"OPEN\",\"pronunciation\":null,\"options\":[],"
        + "\"modelAnswer\":\"Send a small share of traffic to the new version first, watch latency and errors, and roll back"
        + " to the old version if they get worse.\"}";
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>("rehearse.catalog.questions", QUESTION, item)).get();
    }
  }

  /** The recordings one after another with 0.5 s between them, cut at {@code seconds}. */
  static byte[] answerOf(List<byte[]> clips, int seconds) {
    int bytes = seconds * 32_000;
    byte[] out = new byte[bytes];
    for (int at = 0, i = 0; at < bytes; i++) {
      byte[] clip = clips.get(i % clips.size());
      int n = Math.min(clip.length, bytes - at);
      System.arraycopy(clip, 0, out, at, n);
      at += n + 16_000;
    }
    return out;
  }

  static byte[] wav(byte[] pcm) {
    ByteBuffer b = ByteBuffer.allocate(44 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + pcm.length).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
        .putShort((short) 1).putShort((short) 1).putInt(16_000).putInt(32_000).putShort((short) 2).putShort((short) 16)
        .put("data".getBytes()).putInt(pcm.length).put(pcm);
    return b.array();
  }

  static int intEnv(String name, int fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : Integer.parseInt(v);
  }

  static long[] toArray(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).toArray();
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
    return m.find() ? m.group(1) : null;
  }

  static double number(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":([0-9.eE+-]+)").matcher(json);
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }

  /** Prints p50/p95/p99 of nanosecond figures; returns the p95 in ms. */
  static double print(String label, long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    System.out.printf(Locale.ROOT, "%-36s p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  (n=%d)%n", label,
        pct(s, 50), pct(s, 95), pct(s, 99), s.length);
    return pct(s, 95);
  }

  static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }
}

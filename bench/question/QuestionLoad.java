import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Open-loop load on a running question-service: each phase sends requests at a fixed rate whatever
 * the answers' speed, and a request's latency counts from when it was due to be sent, so a stall
 * shows up in the percentiles instead of slowing the load (no coordinated omission).
 *
 * <p>Phases, taking turns in 5-second slices within one run: a baseline (/health/liveness: no database, no Kafka),
 * ranked full-text search, and practice-set creation for candidates with scored history (seeded as
 * AttemptScored events on Kafka first, as assessment-service would publish them).
 *
 * <p>Practice-set requests carry a candidate's token from the gateway, which the service verifies
 * with the gateway's public keys. The candidates signed up through the gateway before the run
 * (run.sh): ACCOUNTS holds one "id token" line each.
 *
 * <p>Every answer but the expected status counts as an error, warm-up included. The last line is
 * the verdict, {@code RESULT: PASS} or {@code RESULT: FAIL}: exit 1 on errors, 2 when only the search
 * target was missed; under BENCH_SMOKE=1 the target is not checked.
 *
 * <p>java -cp question-service-all.jar QuestionLoad.java BASE_URL KAFKA RATE SECONDS WARMUP_SECONDS ACCOUNTS
 */
public class QuestionLoad {
  static final String[] QUERIES = {
      "rollback", "feature store", "gradient clipping", "NCCL all-reduce", "checkpoint", "spot instances", "data drift",
      "kubernetes", "p99 latency", "mixed precision", "training serving skew", "model registry", "FSDP memory",
      "canary deployment", "cost per experiment", "\"point-in-time\" correctness"};
  static final String[] ROLES = {"ml-infrastructure-engineer", "ml-infrastructure-specialist", "ml-platform-engineer"};
  /** Phases take turns in slices this long, so a noisy minute on the machine hits all of them alike. */
  static final int SLICE_SECONDS = 5;
  static final String SCORED = "rehearse.assessment.scored";

  record Phase(String name, IntFunction<HttpRequest> request, int expectedStatus) {}

  record Result(String name, long[] latencies, int errors, double seconds) {
    double pct(double p) {
      long[] sorted = latencies.clone();
      Arrays.sort(sorted);
      return sorted.length == 0 ? Double.NaN : sorted[Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
    }
  }

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String kafka = args[1];
    int rate = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    int warmup = Integer.parseInt(args[4]);
    List<String[]> accounts = Files.readAllLines(Path.of(args[5])).stream().map(line -> line.split(" ")).toList();
    boolean smoke = "1".equals(System.getenv("BENCH_SMOKE"));

    List<String> items = itemsOf(base);
    System.out.printf("seeding scored history: %d candidates x 12 scored attempts%n", accounts.size());
    int seeded = seed(kafka, accounts, items);
    waitForHistory(kafka);
    System.out.printf("seeded %d events%n", seeded);

    Phase baseline = new Phase("baseline GET /health/liveness",
        i -> HttpRequest.newBuilder(URI.create(base + "/health/liveness")).timeout(Duration.ofSeconds(10)).build(), 200);
    Phase search = new Phase("search GET /api/questions?q=",
        i -> HttpRequest.newBuilder(URI.create(base + "/api/questions?size=20&q=" + encode(QUERIES[i % QUERIES.length])
            + (i % 3 == 0 ? "&role=" + ROLES[i % ROLES.length] : ""))).timeout(Duration.ofSeconds(10)).build(), 200);
    Phase practice = new Phase("practice POST /api/practice-sets",
        i -> HttpRequest.newBuilder(URI.create(base + "/api/practice-sets"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + accounts.get(i % accounts.size())[1])
            .POST(HttpRequest.BodyPublishers.ofString("{\"role\":\"" + ROLES[(i % accounts.size()) % ROLES.length] + "\",\"size\":10}"))
            .timeout(Duration.ofSeconds(10)).build(), 201);

    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
    // cold JVMs (service and load generator) cannot take 200 requests/s at once: open-loop load on
    // them builds a backlog that times out for 20 s, so each phase first runs one request at a time
    System.out.printf("warm-up: %d s per phase one request at a time, then %d s at %d requests/s%n", warmup, warmup, rate);
    int warmupErrors = 0;
    for (Phase p : List.of(baseline, search, practice)) {
      warmupErrors += closedLoop(client, p, warmup);
    }
    for (Phase p : List.of(baseline, search, practice)) {
      warmupErrors += run(client, p, rate, warmup).errors();
    }
    System.out.printf("measuring: %d s per phase at %d requests/s, open loop, in %d-s slices taking turns%n",
        seconds, rate, SLICE_SECONDS);
    List<Phase> phases = List.of(baseline, search, practice);
    List<List<Result>> slices = new ArrayList<>();
    phases.forEach(p -> slices.add(new ArrayList<>()));
    for (int done = 0; done < seconds; done += SLICE_SECONDS) {
      for (int p = 0; p < phases.size(); p++) {
        slices.get(p).add(run(client, phases.get(p), rate, Math.min(SLICE_SECONDS, seconds - done)));
      }
    }
    List<Result> results = slices.stream().map(QuestionLoad::merge).toList();

    Result base0 = results.get(0);
    System.out.printf("%-34s %7s %6s %8s %8s %8s %8s %8s%n", "phase", "sent", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms");
    for (Result r : results) {
      System.out.printf(Locale.ROOT, "%-34s %7d %6d %8.1f %8.2f %8.2f %8.2f %8.2f%n", r.name(), r.latencies().length,
          r.errors(), r.latencies().length / r.seconds(), r.pct(50), r.pct(95), r.pct(99), r.pct(100));
    }
    for (Result r : results.subList(1, results.size())) {
      System.out.printf(Locale.ROOT, "%-34s ratio to baseline: p50 x%.1f, p95 x%.1f, p99 x%.1f%n", r.name(),
          r.pct(50) / base0.pct(50), r.pct(95) / base0.pct(95), r.pct(99) / base0.pct(99));
    }
    int errors = warmupErrors + results.stream().mapToInt(Result::errors).sum();
    boolean fast = results.get(1).pct(95) < 20;
    if (errors > 0) {
      System.out.printf("RESULT: FAIL (%d error answers, %d of them in the warm-up)%n", errors, warmupErrors);
    } else if (smoke) {
      System.out.println("RESULT: PASS (smoke run: no errors; the search p95 target is not checked)");
    } else {
      System.out.println(fast ? "RESULT: PASS (search p95 under 20 ms, no errors)" : "RESULT: FAIL (search p95 >= 20 ms)");
    }
    System.exit(errors > 0 ? 1 : smoke || fast ? 0 : 2); // exit now: the client's pool would keep the JVM alive
  }

  static Result merge(List<Result> parts) {
    long[] all = parts.stream().flatMapToLong(r -> Arrays.stream(r.latencies())).toArray();
    return new Result(parts.get(0).name(), all, parts.stream().mapToInt(Result::errors).sum(),
        parts.stream().mapToDouble(Result::seconds).sum());
  }

  /** Sends requests one after another for {@code seconds}; returns the number of errors. */
  static int closedLoop(HttpClient client, Phase phase, int seconds) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    int sent = 0;
    int errors = 0;
    while (System.nanoTime() < end) {
      String error = null;
      try {
        HttpResponse<byte[]> response = client.send(phase.request().apply(sent++), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != phase.expectedStatus()) {
          error = response.statusCode() + " " + new String(response.body());
        }
      } catch (java.io.IOException e) {
        error = e.toString();
      }
      if (error != null && ++errors <= 3) {
        System.out.println("  error in " + phase.name() + ": " + error);
      }
    }
    System.out.printf(Locale.ROOT, "  %s: %.0f requests/s one at a time%n", phase.name(), sent / (double) seconds);
    return errors;
  }

  /** Sends {@code rate x seconds} requests on a fixed schedule and waits for every answer. */
  static Result run(HttpClient client, Phase phase, int rate, int seconds) throws Exception {
    int total = rate * seconds;
    long interval = 1_000_000_000L / rate;
    long[] latencies = new long[total];
    AtomicInteger errors = new AtomicInteger();
    AtomicIntegerArray errorsBySecond = new AtomicIntegerArray(seconds);
    List<CompletableFuture<?>> pending = new ArrayList<>(total);
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      int index = i;
      pending.add(client.sendAsync(phase.request().apply(i), HttpResponse.BodyHandlers.ofByteArray())
          .whenComplete((response, failure) -> {
            latencies[index] = System.nanoTime() - due;
            if (failure != null || response.statusCode() != phase.expectedStatus()) {
              errorsBySecond.incrementAndGet(index / rate);
              if (errors.incrementAndGet() <= 3) {
                System.out.println("  error in " + phase.name() + ": "
                    + (failure != null ? failure : response.statusCode() + " " + new String(response.body())));
              }
            }
          }));
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).get(60, TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (errors.get() > 0) {
      // when in the phase the failed requests were due: a stall shows as a run of seconds
      StringBuilder when = new StringBuilder("  errors in " + phase.name() + " by second due:");
      for (int second = 0; second < seconds; second++) {
        if (errorsBySecond.get(second) > 0) {
          when.append(' ').append(second).append(':').append(errorsBySecond.get(second));
        }
      }
      System.out.println(when);
    }
    return new Result(phase.name(), latencies, errors.get(), elapsed);
  }

  /** Twelve scored attempts per candidate on items of their role, weak in some sub-skills. */
  static int seed(String kafka, List<String[]> accounts, List<String> items) throws Exception {
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka);
    p.put("linger.ms", "5");
    int sent = 0;
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      for (int c = 0; c < accounts.size(); c++) {
        String candidate = accounts.get(c)[0];
        for (int k = 0; k < 12; k++) {
          String[] item = items.get((c * 12 + k) % items.size()).split("\\|");
          int score = (c * 37 + k * 53) % 101;
          String json = String.format(Locale.ROOT, "{\"eventId\":\"%s\",\"schemaVersion\":1,\"occurredAt\":\"%s\","
                  + "\"attemptId\":\"%s\",\"candidateId\":\"%s\",\"questionId\":\"%s\",\"skillId\":\"%s\",\"mode\":\"TYPED\","
                  + "\"score\":%d,\"band\":\"Strong\",\"conceptsHit\":[],\"conceptsMissed\":[],\"redFlags\":[]}",
              UUID.randomUUID(), Instant.now().minus(Duration.ofDays(k)), UUID.randomUUID(), candidate, item[0], item[1], score);
          producer.send(new ProducerRecord<>(SCORED, candidate, json));
          sent++;
        }
      }
      producer.flush();
    }
    return sent;
  }

  /** Waits until question-service's practice listener has consumed everything on the scored topic. */
  static void waitForHistory(String kafka) throws Exception {
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka);
    try (Admin admin = Admin.create(p)) {
      var partitions = admin.describeTopics(List.of(SCORED)).allTopicNames().get().get(SCORED).partitions().stream()
          .map(info -> new TopicPartition(SCORED, info.partition())).toList();
      for (int i = 0; i < 600; i++) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets("question-practice").partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        long lag = partitions.stream().mapToLong(tp -> ends.get(tp).offset()
            - (committed.get(tp) == null ? 0 : committed.get(tp).offset())).sum();
        if (lag == 0) {
          return;
        }
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException("scored history was not consumed in 120 s");
  }

  /** "id|skill" of items of any type, read from the service. */
  static List<String> itemsOf(String base) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    List<String> out = new ArrayList<>();
    for (int page = 0; page < 10; page++) {
      String body = client.send(HttpRequest.newBuilder(URI.create(base + "/api/questions?size=100&page=" + page)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      var m = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\",\"type\":\"[A-Z_]+\",\"roles\":\\[[^]]*\\],\"skill\":\"([^\"]+)\"")
          .matcher(body);
      int found = 0;
      while (m.find()) {
        out.add(m.group(1) + "|" + m.group(2));
        found++;
      }
      if (found == 0) {
        break;
      }
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("no items in the bank");
    }
    return out;
  }

  static String encode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}

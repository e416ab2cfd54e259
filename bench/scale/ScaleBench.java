import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One phase of bench/scale: spoken answers through the gateway from closed-loop candidates (each uploads
 * a 15 s answer, waits for its score on its event stream, uploads the next) while one more candidate
 * drills a term every 0.5 s. Prints answers scored per minute, the drill latency and how many answers
 * were scored exactly once; appends "label answers/min drill-p95" to the figures file and, given the
 * earlier phase's label, the ratios against it. Compiled with bench/speech's LiveBench and SpeechBench,
 * whose accounts, recordings and catalog it uses.
 *
 * <p>Arguments: label, gateway URL, Kafka bootstrap, the audio directory, seconds of load, candidates,
 * the figures file, [the baseline phase's label]. Exit 1 if any request failed or any answer was not
 * scored exactly once.
 */
public class ScaleBench {
  public static void main(String[] args) throws Exception {
    String label = args[0];
    LiveBench.gateway = args[1];
    String kafka = args[2];
    Path audio = Path.of(args[3]);
    int seconds = Integer.parseInt(args[4]);
    int candidates = Integer.parseInt(args[5]);
    Path figures = Path.of(args[6]);
    String baseline = args.length > 7 ? args[7] : null;

    List<byte[]> clips = new ArrayList<>();
    for (String name : SpeechBench.ANSWERS) {
      byte[] wav = Files.readAllBytes(audio.resolve("answers/" + name + ".wav"));
      clips.add(Arrays.copyOfRange(wav, 44, wav.length));
    }
    byte[] answer = LiveBench.wav(LiveBench.answerOf(clips, 15));
    byte[] clip = SpeechBench.padTo(Files.readAllBytes(audio.resolve("drills/nccl/good-1.wav")), 2.0);

    LiveBench.publishQuestion(kafka);
    SpeechBench.publishCatalog(kafka);
    List<LiveBench.Account> accounts = new ArrayList<>();
    for (int i = 0; i <= candidates; i++) {
      accounts.add(LiveBench.Account.signUp());
    }
    LiveBench.Account driller = accounts.remove(candidates);
    // warm-up: the catalog has arrived, and every instance (a new one too) has answered a few times
    long warmUntil = System.nanoTime() + 120_000_000_000L;
    while (drill(driller, clip) < 0) {
      if (System.nanoTime() > warmUntil) {
        throw new IllegalStateException("the drill term did not arrive");
      }
      Thread.sleep(250);
    }
    ExecutorService pool = Executors.newFixedThreadPool(candidates + 1);
    List<Future<Long>> warming = new ArrayList<>();
    for (LiveBench.Account account : accounts) {
      warming.add(pool.submit(() -> account.scoreOfUpload(answer, Duration.ofMinutes(3))));
    }
    for (int i = 0; i < 10; i++) {
      drill(driller, clip);
    }
    for (Future<Long> f : warming) {
      f.get();
    }

    System.out.printf(Locale.ROOT, "%n== %s: %d candidates answering (15 s answers) and one drilling, %d s%n", label,
        candidates, seconds);
    long bytesBefore = databaseBytes();
    List<String> uploaded = new CopyOnWriteArrayList<>();
    AtomicInteger errors = new AtomicInteger();
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    List<Future<Integer>> answering = new ArrayList<>();
    for (LiveBench.Account account : accounts) {
      answering.add(pool.submit(() -> {
        int scoredInTime = 0;
        while (System.nanoTime() < end) {
          HttpResponse<String> r = account.upload(answer);
          if (r.statusCode() != 202) {
            errors.incrementAndGet();
            System.out.println("upload answered " + r.statusCode() + ": " + r.body());
            continue;
          }
          String id = LiveBench.field(r.body(), "id");
          uploaded.add(id);
          if (account.awaitScore(id, Duration.ofMinutes(3)) <= end) {
            scoredInTime++;
          }
        }
        return scoredInTime;
      }));
    }
    Future<long[]> drilling = pool.submit(() -> {
      List<Long> times = new ArrayList<>();
      while (System.nanoTime() < end) {
        long took = drill(driller, clip);
        if (took < 0) {
          errors.incrementAndGet();
        } else {
          times.add(took);
        }
        Thread.sleep(500);
      }
      return LiveBench.toArray(times);
    });
    int scored = 0;
    for (Future<Integer> f : answering) {
      scored += f.get();
    }
    long[] drills = drilling.get();
    pool.shutdown();

    // a second score would come right after the first; give the streams a moment to show it
    Thread.sleep(2_000);
    long once = uploaded.stream().filter(id -> LiveBench.SCORED_COUNT.getOrDefault(id, 0) == 1).count();
    long twice = uploaded.stream().filter(id -> LiveBench.SCORED_COUNT.getOrDefault(id, 0) > 1).count();
    double perMinute = scored * 60.0 / seconds;
    System.out.printf(Locale.ROOT, "%s: %d spoken answers scored in %d s: %.1f per minute%n", label, scored, seconds,
        perMinute);
    double drillP95 = LiveBench.print(label + ", drill", drills);
    System.out.printf("%s: scored once %d/%d (twice or more %d, errors %d)%n", label, once, uploaded.size(), twice,
        errors.get());
    // outbox rows are still there (purged after a day): an upper bound of what an answer keeps
    System.out.printf(Locale.ROOT, "%s: database grew %.1f kB per spoken answer (live rows, its drills included)%n", label,
        (databaseBytes() - bytesBefore) / 1024.0 / Math.max(1, uploaded.size()));
    Files.writeString(figures, String.format(Locale.ROOT, "%s %.2f %.2f%n", label, perMinute, drillP95),
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    if (baseline != null) {
      for (String line : Files.readAllLines(figures)) {
        String[] f = line.split(" ");
        if (f[0].equals(baseline)) {
          System.out.printf(Locale.ROOT, "ratio %s against %s: answers per minute x%.2f, drill p95 x%.2f%n", label,
              baseline, perMinute / Double.parseDouble(f[1]), drillP95 / Double.parseDouble(f[2]));
        }
      }
    }
    System.exit(errors.get() == 0 && once == uploaded.size() ? 0 : 1);
  }

  /**
   * The bytes of every live row in the services' schemas, by the superuser run.sh passes on. Live rows,
   * not the files: a queued upload's audio is deleted once transcribed, and its space is reused, not
   * returned. Indexes are not counted.
   */
  static long databaseBytes() throws Exception {
    try (var db = DriverManager.getConnection(System.getenv("BENCH_DB_URL"), "postgres", System.getenv("BENCH_DB_PASSWORD"))) {
      List<String> tables = new ArrayList<>();
      try (var rows = db.createStatement().executeQuery("SELECT table_schema, table_name FROM information_schema.tables"
          + " WHERE table_schema IN ('question', 'assessment', 'speech', 'gateway') AND table_type = 'BASE TABLE'")) {
        while (rows.next()) {
          tables.add("\"" + rows.getString(1) + "\".\"" + rows.getString(2) + "\"");
        }
      }
      long bytes = 0;
      for (String table : tables) {
        try (var size = db.createStatement().executeQuery("SELECT coalesce(sum(pg_column_size(t.*)), 0) FROM " + table + " t")) {
          size.next();
          bytes += size.getLong(1);
        }
      }
      return bytes;
    }
  }

  /** Nanoseconds for one drill of NCCL through the gateway, or -1 if it was not answered 200. */
  static long drill(LiveBench.Account account, byte[] clip) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<String> r = LiveBench.HTTP.send(HttpRequest.newBuilder(URI.create(LiveBench.gateway
            + "/api/pronunciation-attempts?term=NCCL")).header("Authorization", "Bearer " + account.token)
        .header("Content-Type", "audio/wav").POST(HttpRequest.BodyPublishers.ofByteArray(clip)).build(),
        HttpResponse.BodyHandlers.ofString());
    return r.statusCode() == 200 ? System.nanoTime() - t0 : -1;
  }
}

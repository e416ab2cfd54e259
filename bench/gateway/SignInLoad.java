import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sign-in throughput under the sign-in throttle. Accounts sign up from addresses of their own (the
 * gateway must trust this client as a proxy, so X-Forwarded-For names the client), then owners sign
 * in from those usual addresses as fast as the gateway answers, first alone (quiet) and then while
 * guessers send wrong passwords for the same emails from ever new addresses (under attack): the
 * throttle refuses the guessers but must never refuse an owner. Every sign-in costs the gateway one
 * bcrypt check, so guesses take CPU from owners; the figures say how much.
 *
 * <p>An owner refused, or any answer but 200 to an owner and 401 to a guesser, ends the run (exit 1).
 *
 * <p>java SignInLoad.java GATEWAY_URL [accounts] [owner threads] [guesser threads] [seconds per phase]
 * [warm-up seconds]
 */
public class SignInLoad {
  static final String PASSWORD = "benchmark password";
  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  static String gateway;

  public static void main(String[] args) throws Exception {
    gateway = args[0];
    int accounts = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int owners = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int guessers = args.length > 3 ? Integer.parseInt(args[3]) : 4;
    double seconds = args.length > 4 ? Double.parseDouble(args[4]) : 30;
    double warmup = args.length > 5 ? Double.parseDouble(args[5]) : 10;

    List<String> emails = new ArrayList<>();
    for (int i = 0; i < accounts; i++) {
      String email = "signin-" + UUID.randomUUID() + "@rehearse.test";
      String body = "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"Owner\"}";
      expect(post("/api/auth/register", body, usual(i)), 201, "sign-up");
      emails.add(email);
    }
    System.out.printf(Locale.ROOT, "sign-ins: %d accounts, %d owner thread(s) signing in from their usual addresses%n", accounts, owners);
    System.out.printf(Locale.ROOT, "warming up (%.0f s)%n", warmup);
    phase(emails, owners, 0, warmup);
    System.out.printf(Locale.ROOT, "%-28s %8s %9s %8s %8s %8s %10s%n", "phase", "seconds", "sign-ins", "per s", "p50 ms", "p95 ms", "guesses/s");
    Result quiet = phase(emails, owners, 0, seconds);
    print("quiet", quiet);
    Result attacked = phase(emails, owners, guessers, seconds);
    print("under attack (" + guessers + " guessers)", attacked);
    System.out.printf(Locale.ROOT, "under attack: %.0f%% of the quiet sign-in rate; no owner refused, every guess answered 401%n",
        100 * attacked.perSecond() / quiet.perSecond());
  }

  record Result(double seconds, long[] nanos, long guesses) {
    double perSecond() {
      return nanos.length / seconds;
    }
  }

  /** Owners sign in (and guessers guess) for this long; returns the owners' latencies. */
  static Result phase(List<String> emails, int owners, int guessers, double seconds) throws Exception {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    ExecutorService pool = Executors.newFixedThreadPool(owners + guessers);
    AtomicLong guesses = new AtomicLong();
    long start = System.nanoTime();
    List<Future<List<Long>>> signIns = new ArrayList<>();
    for (int t = 0; t < owners; t++) {
      int first = t;
      signIns.add(pool.submit(() -> {
        List<Long> nanos = new ArrayList<>();
        for (int n = first; System.nanoTime() < end; n += owners) {
          int account = n % emails.size();
          long sent = System.nanoTime();
          expect(post("/api/auth/login", credentials(emails.get(account), PASSWORD), usual(account)), 200, "an owner's sign-in");
          nanos.add(System.nanoTime() - sent);
        }
        return nanos;
      }));
    }
    List<Future<?>> guessing = new ArrayList<>();
    for (int t = 0; t < guessers; t++) {
      int first = t;
      guessing.add(pool.submit(() -> {
        for (int n = first; System.nanoTime() < end; n += guessers) {
          String from = "203.0." + (n / 250 % 250) + "." + (n % 250 + 1); // a new address each time
          expect(post("/api/auth/login", credentials(emails.get(n % emails.size()), "guess " + n), from), 401, "a guess");
          guesses.incrementAndGet();
        }
        return null;
      }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> f : signIns) {
      all.addAll(f.get());
    }
    for (Future<?> f : guessing) {
      f.get();
    }
    double took = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return new Result(took, all.stream().mapToLong(Long::longValue).toArray(), guesses.get());
  }

  static String usual(int account) {
    return "198.51." + (account / 250) + "." + (account % 250 + 1);
  }

  static String credentials(String email, String password) {
    return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
  }

  static HttpResponse<String> post(String path, String json, String forwardedFor) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + path))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .header("X-Forwarded-For", forwardedFor)
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static void expect(HttpResponse<String> response, int status, String what) {
    if (response.statusCode() != status) {
      System.out.printf("error in %s: %d %s (expected %d)%n", what, response.statusCode(), response.body(), status);
      System.exit(1);
    }
  }

  static void print(String phase, Result r) {
    long[] sorted = r.nanos().clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "%-28s %8.1f %9d %8.2f %8.1f %8.1f %10.2f%n", phase, r.seconds(), sorted.length, r.perSecond(),
        pct(sorted, 50), pct(sorted, 95), r.guesses() / r.seconds());
  }

  static double pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
  }
}

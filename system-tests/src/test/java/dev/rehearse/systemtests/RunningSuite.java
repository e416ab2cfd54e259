package dev.rehearse.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.launcher.SuiteParts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The whole suite as `./rehearse up` runs it, on its own data directory and free ports, started
 * once per test JVM and shared by every test class that drives it (RunningSuiteIT, BrowserIT).
 * Whoever needs it calls {@link #get()}; a class that stops it (RunningSuiteIT's last test) leaves
 * the next caller to start it again. A shutdown hook stops what is still running when the JVM
 * exits.
 *
 * <p>With {@code -Drehearse.gateway.url=http://localhost:8080} the tests drive a suite that is
 * already running and never start or stop anything; {@code -Drehearse.admin.email} and {@code
 * -Drehearse.admin.password} then name its first admin (REHEARSE_GATEWAY_ADMIN_EMAIL and _PASSWORD
 * of that suite).
 */
final class RunningSuite {
  private static final String ADMIN_EMAIL = "admin@rehearse.test";
  private static final String ADMIN_PASSWORD = "system-test-admin-password";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(6);

  /**
   * Two instances of the services that scale out: CrashSafetyIT's suite, which kills one of each.
   */
  static final String SCALE = "speech-service=2,assessment-service=2,gateway=2";

  /** How long a transcription's lease lasts here: short, so a killed worker's job moves soon. */
  static final String SPEECH_LEASE = "10s";

  private static RunningSuite current;

  private final Path home;
  private final Map<String, Integer> ports;
  private final Script rehearse;
  private final URI gateway;
  private final String upOutput;
  private boolean stopped;

  private RunningSuite(
      Path home, Map<String, Integer> ports, Script rehearse, URI gateway, String upOutput) {
    this.home = home;
    this.ports = ports;
    this.rehearse = rehearse;
    this.gateway = gateway;
    this.upOutput = upOutput;
  }

  /** The running suite, started now if nobody started it yet (or the last one was stopped). */
  static synchronized RunningSuite get() {
    if (current == null || current.stopped) {
      String external = System.getProperty("rehearse.gateway.url");
      current =
          external != null && !external.isBlank()
              ? external(URI.create(external))
              : start("rehearse-home", null);
    }
    return current;
  }

  private static RunningSuite external(URI gateway) {
    return new RunningSuite(null, Map.of(), null, gateway, "");
  }

  /**
   * A suite of its own with two instances of speech-service, assessment-service and the gateway
   * ({@link #SCALE}), on other ports and data: the caller stops it. The shared suite runs one of
   * each, so the other tests do not pay for three more JVMs.
   */
  static RunningSuite startScaled() {
    return start("rehearse-home-scaled", SCALE);
  }

  private static RunningSuite start(String homeName, String scale) {
    Path root = Suite.root();
    Path home = root.resolve("system-tests/target").resolve(homeName);
    Map<String, Integer> ports = new LinkedHashMap<>();
    List<String> names = Suite.PARTS.stream().map(SuiteParts.Part::variable).toList();
    // instance n of a part listens on its port + (n-1)*10 (./rehearse up --scale)
    List<Integer> free = FreePorts.take(names.size(), 10);
    for (int i = 0; i < names.size(); i++) {
      ports.put(names.get(i), free.get(i));
    }
    Map<String, String> env = new LinkedHashMap<>();
    env.put("REHEARSE_HOME", home.toString());
    // the reactor has just packaged every jar: never start a nested Maven build from a test
    env.put("REHEARSE_BUILD", "never");
    env.put("REHEARSE_START_TIMEOUT", "300");
    // class-data sharing pays off from the second start of the same jars; a test starts once
    env.put("REHEARSE_CDS", "off");
    // the first admin (accounts can only be promoted by an admin): the browser tests make a coach
    // with it
    env.put("REHEARSE_GATEWAY_ADMIN_EMAIL", adminEmail());
    env.put("REHEARSE_GATEWAY_ADMIN_PASSWORD", adminPassword());
    // spoken answers' audio kept (opt-in), so AccountDeletionIT sees deletion erase it
    env.put("REHEARSE_SPEECH_RETAIN_AUDIO", "true");
    if (scale != null) {
      env.put("REHEARSE_SCALE", scale);
    }
    env.put("REHEARSE_SPEECH_LEASE", SPEECH_LEASE);
    ports.forEach((name, port) -> env.put("REHEARSE_" + name + "_PORT", String.valueOf(port)));
    Script rehearse = new Script("rehearse", root.resolve("rehearse"), env);

    rehearse.run(Duration.ofMinutes(2), "down"); // a previous run that was killed
    deleteRecursively(home);
    Script.Result up = rehearse.run(START_TIMEOUT, "up");
    assertThat(up.exitCode())
        .as("./rehearse up failed; logs in " + home.resolve("logs") + ":\n" + up.output())
        .isZero();
    RunningSuite suite =
        new RunningSuite(
            home,
            ports,
            rehearse,
            URI.create("http://localhost:" + ports.get("GATEWAY")),
            up.output());
    Runtime.getRuntime().addShutdownHook(new Thread(suite::stopIfRunning, "rehearse-down"));
    return suite;
  }

  URI gateway() {
    return gateway;
  }

  /** The first admin's email and password, as configured on the gateway. */
  static String adminEmail() {
    return System.getProperty("rehearse.admin.email", ADMIN_EMAIL);
  }

  static String adminPassword() {
    return System.getProperty("rehearse.admin.password", ADMIN_PASSWORD);
  }

  /** Null when driving an external suite. */
  Script rehearse() {
    return rehearse;
  }

  Path home() {
    return home;
  }

  /** Each part's port by its suite.parts variable: GATEWAY, QUESTION, ..., POSTGRES, KAFKA. */
  Map<String, Integer> ports() {
    return ports;
  }

  /** The suite's PostgreSQL as its superuser, whose password ./rehearse keeps in its home. */
  Connection database() throws IOException, SQLException {
    String password = Files.readString(home.resolve("secrets/db-admin")).strip();
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + ports.get("POSTGRES") + "/postgres", "postgres", password);
  }

  /** The number a {@code SELECT count(*)} with one text parameter answers. */
  static long count(Connection db, String sql, String param) throws SQLException {
    try (PreparedStatement q = db.prepareStatement(sql)) {
      q.setString(1, param);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** A producer on the suite's Kafka signed in as {@code part}, with that part's rights. */
  KafkaProducer<String, String> producerAs(String part) throws IOException {
    String password = Files.readString(home.resolve("secrets/kafka-" + part)).strip();
    Properties p = new Properties();
    p.put("bootstrap.servers", "localhost:" + ports.get("KAFKA"));
    p.put("security.protocol", "SASL_PLAINTEXT");
    p.put("sasl.mechanism", "SCRAM-SHA-256");
    p.put(
        "sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
            + part
            + "\" password=\""
            + password
            + "\";");
    p.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    p.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    return new KafkaProducer<>(p);
  }

  /** What `./rehearse up` printed when this suite started. */
  String upOutput() {
    return upOutput;
  }

  /** Runs `./rehearse down`; the next {@link #get()} starts a fresh suite. */
  synchronized Script.Result stop() {
    stopped = true;
    return rehearse.run(Duration.ofMinutes(3), "down");
  }

  private synchronized void stopIfRunning() {
    if (!stopped && rehearse != null) {
      stop();
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      Iterator<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).iterator();
      while (deepestFirst.hasNext()) {
        Files.delete(deepestFirst.next());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

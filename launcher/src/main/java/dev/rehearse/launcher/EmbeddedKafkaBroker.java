package dev.rehearse.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) running in this JVM. {@link
 * #stop()} and {@link #start()} may be called again on the same instance: ports and log directory
 * are kept, so a restart looks to clients like a broker outage. Without {@link KafkaSecurity} its
 * listener is PLAINTEXT and everything is allowed (tests); with it, see {@link SecureBroker}.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
  private static final String CLUSTER_ID = "cmVoZWFyc2UtZGV2LTAx";

  private final Path logDir;
  private final int port;
  private final int controllerPort;
  private final SecureBroker secure;
  private KafkaRaftServer server;

  public EmbeddedKafkaBroker(Path logDir, int port) {
    this(logDir, port, null);
  }

  /** A broker with SASL/SCRAM users and ACLs ({@code security} null: PLAINTEXT, no ACLs). */
  public EmbeddedKafkaBroker(Path logDir, int port, KafkaSecurity security) {
    this.logDir = logDir;
    this.port = port > 0 ? port : freePort();
    this.controllerPort = freePort();
    this.secure = security == null ? null : new SecureBroker(security, this.port, controllerPort);
  }

  public synchronized EmbeddedKafkaBroker start() {
    if (server != null) {
      return this;
    }
    try {
      Files.createDirectories(logDir);
      Properties props = properties();
      if (secure != null) {
        props.putAll(secure.brokerProperties());
      }
      Path config = logDir.resolveSibling(logDir.getFileName() + ".properties");
      try (var out = Files.newOutputStream(config)) {
        withoutSecrets(props).store(out, "in-process KRaft broker");
      }
      format(config);
      server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
      server.startup();
      if (secure != null) {
        secure.applyUsersAndAcls();
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("Kafka did not start", e);
    }
  }

  public synchronized void stop() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
    }
  }

  public String bootstrapServers() {
    return "localhost:" + port;
  }

  @Override
  public void close() {
    stop();
  }

  /** Passwords stay in memory: the file is only for formatting the log directory. */
  private static Properties withoutSecrets(Properties props) {
    Properties stored = new Properties();
    props.forEach(
        (key, value) -> {
          if (!key.toString().endsWith("jaas.config")) {
            stored.put(key, value);
          }
        });
    return stored;
  }

  private Properties properties() {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
    p.put(
        "listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", logDir.toAbsolutePath().toString());
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("num.partitions", "1");
    p.put("auto.create.topics.enable", "true");
    // compaction is checked often so a restarted consumer reads a small catalog
    p.put("log.cleaner.backoff.ms", "5000");
    return p;
  }

  private static void format(Path config) {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    int code =
        StorageTool.execute(
            new String[] {
              "format", "-t", CLUSTER_ID, "-c", config.toString(), "--ignore-formatted"
            },
            new PrintStream(log, true, StandardCharsets.UTF_8));
    if (code != 0) {
      throw new IllegalStateException(
          "kafka storage format failed: " + log.toString(StandardCharsets.UTF_8));
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.rehearse.testsupport;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * One PostgreSQL and one Kafka broker per test JVM, chosen once: Testcontainers when Docker is
 * present, embedded otherwise. Stopped by a shutdown hook, never per test class: stopping the
 * broker under a still-open application context makes its clients retry for half a minute.
 */
public final class TestInfrastructure {
  private static final Logger LOG = LoggerFactory.getLogger(TestInfrastructure.class);
  private static Infrastructure instance;

  private TestInfrastructure() {}

  public static synchronized Infrastructure get() {
    if (instance == null) {
      long start = System.nanoTime();
      if (dockerAvailable()) {
        ContainerInfrastructure containers = new ContainerInfrastructure();
        Runtime.getRuntime().addShutdownHook(new Thread(containers::close));
        instance = containers;
      } else {
        EmbeddedInfrastructure embedded = new EmbeddedInfrastructure();
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
        instance = embedded;
      }
      LOG.info(
          "Test infrastructure: {} in {} ms",
          instance.description(),
          (System.nanoTime() - start) / 1_000_000);
    }
    return instance;
  }

  /**
   * Application properties pointing a service at the shared infrastructure, in its own schema. Use
   * from a test's {@code TestPropertyProvider}.
   */
  public static Map<String, String> properties(String schema) {
    Infrastructure infra = get();
    Map<String, String> p = new HashMap<>();
    p.put(
        "datasources.default.url",
        infra.jdbcUrl() + (infra.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema);
    p.put("datasources.default.username", infra.dbUser());
    p.put("datasources.default.password", infra.dbPassword());
    p.put("kafka.bootstrap.servers", infra.bootstrapServers());
    // a random port: a suite started with ./rehearse up may hold the configured one
    p.put("micronaut.server.port", "-1");
    // services verify tokens with the public key of this JVM's test signing key
    p.put("rehearse.auth.jwks", GatewayTokens.publicJwks());
    // component tests name the candidate in X-Candidate-Id; token checking has tests of its own
    p.put("rehearse.auth.required", "false");
    return p;
  }

  private static boolean dockerAvailable() {
    boolean socket =
        System.getenv("DOCKER_HOST") != null
            || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"));
    if (!socket || "false".equals(System.getProperty("rehearse.test.docker"))) {
      return false; // no engine to ask: skip Testcontainers' slower probing
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | Error e) {
      return false;
    }
  }
}

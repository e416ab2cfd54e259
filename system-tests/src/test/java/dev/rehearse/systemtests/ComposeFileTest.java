package dev.rehearse.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearse.launcher.SuiteParts;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Docker is not available where the suite is built, so docker-compose.yml is checked against what
 * the services are configured for and against suite.parts: a compose stack that would not connect,
 * or a description of the parts that no longer holds, fails here instead.
 */
class ComposeFileTest {
  private static YamlTree compose;
  private static final Map<String, YamlTree> CONFIG = new LinkedHashMap<>();
  private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?[^}]+}");

  /** Watching the suite, in the compose stack but no part of it (nor of suite.parts). */
  private static final List<String> MONITORING = List.of("prometheus", "grafana");

  @BeforeAll
  static void load() {
    compose = YamlTree.load(Suite.root().resolve("docker-compose.yml"));
    Suite.SERVICES.forEach(s -> CONFIG.put(s, YamlTree.load(Suite.applicationYml(s))));
  }

  @Test
  void everyServiceRunsNextToPostgresAndAKraftBrokerFromTheOfficialImage() {
    assertThat(compose.tree("services").keys().stream().filter(name -> !isOneShot(name)))
        .containsExactlyInAnyOrderElementsOf(
            Stream.concat(Suite.PARTS.stream().map(SuiteParts.Part::name), MONITORING.stream())
                .toList());
    assertThat(compose.tree("services").keys().stream().filter(ComposeFileTest::isOneShot))
        .containsExactly("kafka-init");
    assertThat(service("kafka").required("image")).isEqualTo("apache/kafka:3.9.1");
    assertThat(env("kafka").get("KAFKA_PROCESS_ROLES").split(","))
        .containsExactlyInAnyOrder("broker", "controller");
    assertThat(compose.tree("services").keys()).noneMatch(name -> name.contains("zookeeper"));
    assertThat(service("postgres").required("image")).startsWith("postgres:");
  }

  @Test
  void servicesAreBuiltFromTheOneDockerfileWithTheirModuleAsArgument() throws IOException {
    String dockerfile = Files.readString(Suite.root().resolve("Dockerfile"));
    assertThat(dockerfile).contains("ARG MODULE").contains("FROM eclipse-temurin:17-jre");
    for (String name : Suite.SERVICES) {
      YamlTree build = service(name).tree("build");
      assertThat(build.text("context")).as(name).hasValue(".");
      assertThat(build.text("dockerfile").orElse("Dockerfile")).as(name).isEqualTo("Dockerfile");
      assertThat(build.strings("args")).as(name).containsEntry("MODULE", name);
    }
  }

  @Test
  void eachServiceListensOnItsConfiguredPortAndIsHealthcheckedThere() {
    for (String name : Suite.SERVICES) {
      String port = CONFIG.get(name).required("micronaut.server.port");
      assertThat(Integer.parseInt(port))
          .as(name + " port in application.yml")
          .isEqualTo(Suite.PORTS.get(name));
      assertThat(env(name).getOrDefault("MICRONAUT_SERVER_PORT", port)).as(name).isEqualTo(port);
      assertThat(containerPorts(name)).as(name + " expose/ports").contains(port);
      assertThat(healthcheck(name))
          .as(name + " healthcheck")
          .contains("http://localhost:" + port + "/health");
    }
    assertThat(service("gateway").strings("ports").keySet())
        .as("the gateway is published")
        .anyMatch(
            mapping ->
                mapping.endsWith(":" + CONFIG.get("gateway").required("micronaut.server.port")));
    Suite.SERVICES.stream()
        .filter(s -> !s.equals("gateway"))
        .forEach(s -> assertThat(service(s).strings("ports")).as(s + " stays internal").isEmpty());
  }

  @Test
  void everyContainerHasAHealthcheck() {
    for (String name : compose.tree("services").keys()) {
      if (isOneShot(name)) {
        continue; // it runs to completion; who needs it waits for service_completed_successfully
      }
      assertThat(healthcheck(name)).as(name).isNotBlank();
      assertThat(service(name).text("healthcheck.retries")).as(name + " retries").isPresent();
    }
    assertThat(healthcheck("postgres")).contains("pg_isready");
    assertThat(healthcheck("kafka")).contains("--bootstrap-server " + advertisedClientListener());
  }

  @Test
  void servicesStartOnlyWhenWhatTheyUseIsHealthy() {
    for (String name : Suite.SERVICES) {
      Map<String, String> needed = new LinkedHashMap<>();
      if (CONFIG.get(name).find("datasources.default.url").isPresent()) {
        needed.put("postgres", "service_healthy");
      }
      if (CONFIG.get(name).find("kafka.bootstrap.servers").isPresent()) {
        needed.put("kafka", "service_healthy");
        needed.put("kafka-init", "service_completed_successfully");
      }
      if (name.equals("gateway")) {
        Suite.SERVICES.stream()
            .filter(s -> !s.equals("gateway"))
            .forEach(s -> needed.put(s, "service_healthy"));
      }
      assertThat(dependsOn(name)).as(name + " depends_on").containsAllEntriesOf(needed);
    }
  }

  @Test
  void eachServiceUsesItsOwnFlywaySchemaOnTheComposePostgres() {
    Map<String, String> postgres = env("postgres");
    String user = postgres.getOrDefault("POSTGRES_USER", "postgres");
    String database = postgres.getOrDefault("POSTGRES_DB", user);
    for (String name : Suite.SERVICES) {
      YamlTree config = CONFIG.get(name);
      String flywaySchema =
          config.required("flyway.datasources.default.schemas").split("[,\\s]+")[0];
      assertThat(Suite.part(name).schema())
          .as(name + " schema in suite.parts")
          .hasValue(flywaySchema);
      assertThat(config.text("flyway.datasources.default.default-schema").orElse(flywaySchema))
          .as(name)
          .isEqualTo(flywaySchema);
      assertThat(query(config.required("datasources.default.url")))
          .as(name + " default URL")
          .containsEntry("currentSchema", flywaySchema);

      String url = env(name).get("DATASOURCES_DEFAULT_URL");
      assertThat(url)
          .as(name + " DATASOURCES_DEFAULT_URL")
          .isNotNull()
          .startsWith("jdbc:postgresql://");
      URI uri = URI.create(url.substring("jdbc:".length()));
      assertThat(uri.getHost()).as(name).isEqualTo("postgres");
      assertThat(uri.getPort())
          .as(name)
          .isEqualTo(Integer.parseInt(postgres.getOrDefault("PGPORT", "5432")));
      assertThat(uri.getPath()).as(name).isEqualTo("/" + database);
      assertThat(query(url)).as(name).containsEntry("currentSchema", flywaySchema);
    }
    assertThat(
            Suite.SERVICES.stream()
                .map(s -> query(env(s).get("DATASOURCES_DEFAULT_URL")).get("currentSchema"))
                .distinct())
        .as("one schema per service")
        .hasSize(Suite.SERVICES.size());
  }

  @Test
  void eachServiceConnectsAsItsOwnRoleWithAPasswordFromTheEnvironmentNeverAsTheSuperuser()
      throws IOException {
    String superuser = env("postgres").getOrDefault("POSTGRES_USER", "postgres");
    assertThat(requiredVariable(rawEnv("postgres", "POSTGRES_PASSWORD")))
        .isEqualTo("REHEARSE_DB_ADMIN_PASSWORD");
    for (String name : Suite.SERVICES) {
      // the role docker/postgres-init makes for each service of suite.parts (as ./rehearse's
      // launcher)
      String role = name.replace('-', '_');
      String password = "REHEARSE_DB_" + Suite.part(name).variable() + "_PASSWORD";
      assertThat(env(name).get("DATASOURCES_DEFAULT_USERNAME"))
          .as(name)
          .isEqualTo(role)
          .isNotEqualTo(superuser);
      assertThat(CONFIG.get(name).required("datasources.default.username"))
          .as(name + " application.yml")
          .isEqualTo(role);
      assertThat(requiredVariable(rawEnv(name, "DATASOURCES_DEFAULT_PASSWORD")))
          .as(name)
          .isEqualTo(password);
      assertThat(requiredVariable(rawEnv("postgres", password)))
          .as("the init script gets " + password)
          .isEqualTo(password);
    }
    assertThat(service("postgres").strings("volumes"))
        .containsKeys(
            "./docker/postgres-init:/docker-entrypoint-initdb.d:ro",
            "./suite.parts:/etc/rehearse/suite.parts:ro");
    Path script = Suite.root().resolve("docker/postgres-init/10-service-roles.sh");
    assertThat(Files.isExecutable(script)).as(script + " is executable").isTrue();
    assertThat(Files.readString(script))
        .contains("/etc/rehearse/suite.parts", "REHEARSE_DB_${var}_PASSWORD", "${part//-/_}");
  }

  @Test
  void kafkaClientsBootstrapFromTheBrokersAdvertisedListener() {
    Map<String, String> kafka = env("kafka");
    String advertised = advertisedClientListener();
    String listenerName = listenerNameOf(advertised, kafka.get("KAFKA_ADVERTISED_LISTENERS"));
    assertThat(advertised).startsWith("kafka:");
    assertThat(listeners(kafka.get("KAFKA_LISTENERS")))
        .as("KAFKA_LISTENERS")
        .containsEntry(listenerName, ":" + advertised.substring(advertised.indexOf(':') + 1));
    assertThat(listeners(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").replace(":", "://")))
        .as("clients sign in with SASL")
        .containsEntry(listenerName, "SASL_PLAINTEXT");
    String controller = kafka.get("KAFKA_CONTROLLER_LISTENER_NAMES");
    assertThat(kafka.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
        .isEqualTo(
            kafka.get("KAFKA_NODE_ID")
                + "@kafka"
                + listeners(kafka.get("KAFKA_LISTENERS")).get(controller));
    for (String name : Suite.SERVICES) {
      if (CONFIG.get(name).find("kafka.bootstrap.servers").isPresent()) {
        assertThat(env(name)).as(name).containsEntry("KAFKA_BOOTSTRAP_SERVERS", advertised);
      }
    }
  }

  @Test
  void everyServiceSignsInToKafkaAsItselfAndTheBrokerAllowsOnlyWhatKafkaAclGrants()
      throws IOException {
    Map<String, String> kafka = rawEnv("kafka");
    assertThat(kafka)
        .containsEntry(
            "KAFKA_AUTHORIZER_CLASS_NAME",
            "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
        .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
        .containsEntry("KAFKA_SUPER_USERS", "User:admin");
    assertThat(kafka.get("KAFKA_LISTENER_NAME_CLIENT_SASL_ENABLED_MECHANISMS"))
        .contains("SCRAM-SHA-256");
    assertThat(fromEnvironment(kafka.get("REHEARSE_KAFKA_ADMIN_PASSWORD")))
        .isEqualTo("REHEARSE_KAFKA_ADMIN_PASSWORD");

    Map<String, String> init = rawEnv("kafka-init");
    assertThat(init.get("REHEARSE_KAFKA_ADMIN_PASSWORD"))
        .isEqualTo(kafka.get("REHEARSE_KAFKA_ADMIN_PASSWORD"));
    assertThat(service("kafka-init").strings("volumes").keySet())
        .anyMatch(v -> v.startsWith("./kafka.acl:"))
        .anyMatch(v -> v.startsWith("./suite.parts:"));
    List<String> principals =
        Files.readAllLines(Suite.root().resolve("kafka.acl")).stream()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .map(line -> line.split("\\s+")[0])
            .toList();
    List<String> kafkaUsers = new ArrayList<>();
    for (String name : Suite.SERVICES) {
      if (CONFIG.get(name).find("kafka.bootstrap.servers").isEmpty()) {
        continue;
      }
      kafkaUsers.add(name);
      String variable = "REHEARSE_KAFKA_" + Suite.part(name).variable() + "_PASSWORD";
      assertThat(rawEnv(name)).as(name).containsEntry("REHEARSE_KAFKA_USERNAME", name);
      assertThat(fromEnvironment(rawEnv(name).get("REHEARSE_KAFKA_PASSWORD")))
          .as(name + " password")
          .isEqualTo(variable);
      assertThat(fromEnvironment(init.get(variable)))
          .as("kafka-init sets " + name + "'s password")
          .isEqualTo(variable);
    }
    assertThat(principals).as("kafka.acl names every Kafka user").hasSameElementsAs(kafkaUsers);
  }

  @Test
  void gatewayRoutesToEachServiceByItsComposeNameAndPort() {
    YamlTree gateway = CONFIG.get("gateway");
    for (String name : Suite.SERVICES.stream().filter(s -> !s.equals("gateway")).toList()) {
      // ./rehearse sets REHEARSE_SERVICES_<VAR>_URL, VAR from suite.parts
      String variable = Suite.part(name).variable();
      String key = variable.toLowerCase(Locale.ROOT);
      assertThat(gateway.find("rehearse.services." + key + ".url"))
          .as("gateway configures rehearse.services." + key + ".url")
          .isPresent();
      String port = CONFIG.get(name).required("micronaut.server.port");
      assertThat(env("gateway"))
          .containsEntry("REHEARSE_SERVICES_" + variable + "_URL", "http://" + name + ":" + port);
    }
  }

  @Test
  void everyServiceScalesWithDockerComposeScale() {
    for (String name : Suite.SERVICES) {
      assertThat(service(name).text("container_name"))
          .as(name + ": a fixed container name allows one replica")
          .isEmpty();
      // a host port belongs to one container: what is published is a range, a port per replica
      assertThat(service(name).strings("ports").keySet())
          .as(name + " published ports")
          .allSatisfy(
              mapping ->
                  assertThat(mapping.substring(0, mapping.lastIndexOf(':')))
                      .as(mapping)
                      .matches("\\d+-\\d+"));
    }
    // the gateway reaches each service by its compose name, which resolves to every replica, and
    // looks names up again within seconds (the JVM would otherwise keep an answer for 30 s)
    assertThat(env("gateway"))
        .allSatisfy(
            (variable, url) -> {
              if (variable.startsWith("REHEARSE_SERVICES_")) {
                assertThat(URI.create(url).getHost()).as(variable).isIn(Suite.SERVICES);
              }
            });
    assertThat(env("gateway").get("JAVA_TOOL_OPTIONS")).contains("-Dsun.net.inetaddr.ttl=5");
  }

  @Test
  void theGatewaySignsWithKeysGivenAtStartAndEveryServiceVerifiesWithItsPublishedOnes() {
    // ${VAR:?why} reads as "?why" here (YamlTree keeps what follows the colon): no default
    assertThat(env("gateway").get("REHEARSE_AUTH_SIGNING_KEYS"))
        .as("the gateway's private keys come from the environment, with no default")
        .startsWith("?set REHEARSE_AUTH_SIGNING_KEYS");
    String jwks =
        "http://gateway:"
            + CONFIG.get("gateway").required("micronaut.server.port")
            + "/.well-known/jwks.json";
    for (String name : Suite.SERVICES) {
      assertThat(env(name)).as(name).doesNotContainKey("REHEARSE_AUTH_JWT_SECRET");
      if (!name.equals("gateway")) {
        assertThat(env(name)).as(name).containsEntry("REHEARSE_AUTH_JWKS_URL", jwks);
        assertThat(env(name)).as(name).doesNotContainKey("REHEARSE_AUTH_SIGNING_KEYS");
      }
    }
  }

  @Test
  void speechImageCarriesTheVoskModelWhereTheServiceLooksForIt() throws IOException {
    String dockerfile = Files.readString(Suite.root().resolve("Dockerfile"));
    assertThat(dockerfile).contains("target/vosk-model").contains("/app/");
    assertThat(env("speech-service").get("REHEARSE_SPEECH_MODEL_PATH"))
        .isEqualTo("/app/vosk-model/model-en-us");
    assertThat(CONFIG.get("speech-service").find("rehearse.speech.model-path"))
        .as("speech-service reads the model path")
        .isPresent();
  }

  @Test
  void prometheusFindsEveryInstanceOfEveryServiceByDnsAndScrapesItWithTheToken() {
    assertThat(service("prometheus").required("image"))
        .matches("prom/prometheus:v\\d+\\.\\d+\\.\\d+");
    assertThat(service("prometheus").strings("volumes"))
        .containsKey("./compose/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
    assertThat(service("prometheus").strings("secrets")).containsKey("metrics-token");
    assertThat(compose.text("secrets.metrics-token.environment"))
        .hasValue("REHEARSE_METRICS_TOKEN");
    YamlTree prometheus = YamlTree.load(Suite.root().resolve("compose/prometheus/prometheus.yml"));
    Map<String, YamlTree> jobs = new LinkedHashMap<>();
    prometheus.trees("scrape_configs").forEach(job -> jobs.put(job.required("job_name"), job));
    assertThat(jobs.keySet()).containsExactlyInAnyOrderElementsOf(Suite.SERVICES);
    for (String name : Suite.SERVICES) {
      YamlTree job = jobs.get(name);
      assertThat(job.required("metrics_path")).as(name).isEqualTo("/prometheus");
      assertThat(job.required("authorization.credentials_file"))
          .as(name + " sends the scrape token")
          .isEqualTo("/run/secrets/metrics-token");
      assertThat(job.find("static_configs"))
          .as(name + ": a fixed list misses scaled instances")
          .isEmpty();
      List<YamlTree> lookups = job.trees("dns_sd_configs");
      assertThat(lookups).as(name + " found by DNS").hasSize(1);
      assertThat(lookups.get(0).required("names")).isEqualTo(name);
      assertThat(lookups.get(0).text("type")).hasValue("A");
      assertThat(lookups.get(0).required("port")).isEqualTo(String.valueOf(Suite.PORTS.get(name)));
      assertThat(requiredVariable(rawEnv(name, "REHEARSE_METRICS_TOKEN")))
          .as(name + " gets the token")
          .isEqualTo("REHEARSE_METRICS_TOKEN");
    }
  }

  @Test
  void grafanaShowsTheRepositorysDashboardFromPrometheusAndHasNoDefaultPassword()
      throws IOException {
    assertThat(service("grafana").required("image")).matches("grafana/grafana:\\d+\\.\\d+\\.\\d+");
    assertThat(requiredVariable(rawEnv("grafana", "GF_SECURITY_ADMIN_PASSWORD")))
        .isEqualTo("REHEARSE_GRAFANA_ADMIN_PASSWORD");
    assertThat(service("grafana").strings("ports").keySet())
        .as("published on this machine only")
        .allMatch(p -> p.startsWith("127.0.0.1:"));
    Map<String, String> volumes = service("grafana").strings("volumes");
    assertThat(volumes).containsKey("./compose/grafana/provisioning:/etc/grafana/provisioning:ro");
    Path grafana = Suite.root().resolve("compose/grafana");
    YamlTree source =
        YamlTree.load(grafana.resolve("provisioning/datasources/prometheus.yml"))
            .trees("datasources")
            .get(0);
    assertThat(source.required("url")).isEqualTo("http://prometheus:9090");
    String dashboards =
        YamlTree.load(grafana.resolve("provisioning/dashboards/rehearse.yml"))
            .trees("providers")
            .get(0)
            .required("options.path");
    assertThat(volumes).containsKey("./compose/grafana/dashboards:" + dashboards + ":ro");

    JsonNode dashboard = Json.read(Files.readString(grafana.resolve("dashboards/rehearse.json")));
    assertThat(dashboard.path("panels")).isNotEmpty();
    for (JsonNode panel : dashboard.path("panels")) {
      assertThat(panel.path("datasource").path("uid").asText())
          .as(panel.path("title").asText())
          .isEqualTo(source.required("uid"));
      assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
    }
  }

  /** A one-shot container: it runs once and exits (restart "no"). */
  private static boolean isOneShot(String name) {
    return service(name).text("restart").filter("no"::equals).isPresent();
  }

  /** The environment as written, placeholders unresolved. */
  private static Map<String, String> rawEnv(String name) {
    Map<String, String> result = new LinkedHashMap<>();
    if (service(name).find("environment").orElse(Map.of()) instanceof Map<?, ?> map) {
      map.forEach((k, v) -> result.put(String.valueOf(k), String.valueOf(v)));
    }
    return result;
  }

  /** The variable of a required value "${VAR:?why}": never a fixed value, never a default. */
  private static String fromEnvironment(String value) {
    assertThat(value).as("a value from the environment").matches("\\$\\{[A-Z_]+:\\?[^}]+}");
    return value.substring(2, value.indexOf(":?"));
  }

  private static YamlTree service(String name) {
    return compose.tree("services").tree(name);
  }

  private static Map<String, String> env(String name) {
    return service(name).strings("environment");
  }

  /** An environment value as written, placeholders included. */
  private static String rawEnv(String name, String key) {
    Object env = service(name).find("environment").orElseThrow();
    assertThat(env).as(name + " environment").isInstanceOf(Map.class);
    return String.valueOf(((Map<?, ?>) env).get(key));
  }

  /**
   * The variable a compose value requires ({@code ${NAME:?why}}): never a fixed value or default.
   */
  private static String requiredVariable(String value) {
    Matcher m = REQUIRED_VARIABLE.matcher(value);
    assertThat(m.matches()).as(value + " is ${VARIABLE:?why}").isTrue();
    return m.group(1);
  }

  private static String healthcheck(String name) {
    return service(name).text("healthcheck.test").orElse("");
  }

  private static List<String> containerPorts(String name) {
    YamlTree service = service(name);
    List<String> ports = new ArrayList<>(service.strings("expose").keySet());
    service.strings("ports").keySet().forEach(p -> ports.add(p.substring(p.lastIndexOf(':') + 1)));
    return ports;
  }

  /** depends_on as service -> condition; the short list form means "started" only. */
  private static Map<String, String> dependsOn(String name) {
    Object node = service(name).find("depends_on").orElse(Map.of());
    Map<String, String> result = new LinkedHashMap<>();
    if (node instanceof Map<?, ?> map) {
      map.forEach(
          (k, v) ->
              result.put(
                  String.valueOf(k),
                  v instanceof Map<?, ?> m
                      ? String.valueOf(m.get("condition"))
                      : "service_started"));
    } else if (node instanceof List<?> list) {
      list.forEach(k -> result.put(String.valueOf(k), "service_started"));
    }
    return result;
  }

  /**
   * The advertised address of the listener clients use (every advertised listener that is not the
   * controller's).
   */
  private static String advertisedClientListener() {
    Map<String, String> kafka = env("kafka");
    Map<String, String> advertised = listeners(kafka.get("KAFKA_ADVERTISED_LISTENERS"));
    advertised.remove(kafka.get("KAFKA_CONTROLLER_LISTENER_NAMES"));
    assertThat(advertised).as("one advertised client listener").hasSize(1);
    return advertised.values().iterator().next();
  }

  private static String listenerNameOf(String address, String listeners) {
    return listeners(listeners).entrySet().stream()
        .filter(e -> e.getValue().equals(address))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }

  /** "NAME://host:port,..." as NAME -> host:port. */
  private static Map<String, String> listeners(String spec) {
    assertThat(spec).isNotBlank();
    return Arrays.stream(spec.split(","))
        .map(String::trim)
        .collect(
            Collectors.toMap(
                l -> l.substring(0, l.indexOf("://")),
                l -> l.substring(l.indexOf("://") + 3),
                (a, b) -> a,
                LinkedHashMap::new));
  }

  private static Map<String, String> query(String jdbcUrl) {
    String query = jdbcUrl.contains("?") ? jdbcUrl.substring(jdbcUrl.indexOf('?') + 1) : "";
    return Arrays.stream(query.split("&"))
        .filter(p -> p.contains("="))
        .collect(
            Collectors.toMap(
                p -> p.substring(0, p.indexOf('=')), p -> p.substring(p.indexOf('=') + 1)));
  }
}

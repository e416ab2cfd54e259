package dev.rehearse.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The broker's secure mode: SASL/SCRAM users (an admin the broker itself uses, and one per service
 * with its password) and the ACLs of {@link KafkaAccess}.
 */
public record KafkaSecurity(
    KafkaAccess access, String adminPassword, Map<String, String> passwords) {
  public static final String ADMIN = "admin";

  /** The mechanism of the client listener. */
  public static final String MECHANISM = "SCRAM-SHA-256";

  /** The path of kafka.acl; without it the broker runs PLAINTEXT without authorisation. */
  public static final String ACCESS_TABLE_VARIABLE = "REHEARSE_KAFKA_ACCESS";

  public static final String ADMIN_PASSWORD_VARIABLE = "REHEARSE_KAFKA_ADMIN_PASSWORD";

  public KafkaSecurity {
    passwords = Map.copyOf(passwords);
    for (String principal : access.principals()) {
      if (!passwords.containsKey(principal)) {
        throw new IllegalArgumentException("no Kafka password for " + principal);
      }
    }
  }

  /** Never the passwords. */
  @Override
  public String toString() {
    return "KafkaSecurity[users=" + access.principals() + "]";
  }

  /**
   * From the environment ./rehearse gives the launcher: {@value #ACCESS_TABLE_VARIABLE}, {@value
   * #ADMIN_PASSWORD_VARIABLE}, and REHEARSE_KAFKA_&lt;VAR&gt;_PASSWORD for each principal, VAR
   * being its variable name in the suite.parts next to the table. Passwords never travel on a
   * command line.
   */
  public static Optional<KafkaSecurity> fromEnvironment(Map<String, String> env) {
    String table = env.get(ACCESS_TABLE_VARIABLE);
    if (table == null || table.isBlank()) {
      return Optional.empty();
    }
    Path tablePath = Path.of(table);
    KafkaAccess access = KafkaAccess.read(tablePath);
    Map<String, String> variables = partVariables(tablePath.resolveSibling("suite.parts"));
    Map<String, String> passwords = new LinkedHashMap<>();
    for (String principal : access.principals()) {
      String var = variables.get(principal);
      if (var == null) {
        throw new IllegalArgumentException(principal + " of " + table + " is not in suite.parts");
      }
      passwords.put(principal, required(env, "REHEARSE_KAFKA_" + var + "_PASSWORD"));
    }
    return Optional.of(
        new KafkaSecurity(access, required(env, ADMIN_PASSWORD_VARIABLE), passwords));
  }

  /** What a client needs to sign in as {@code user} on the broker's SASL/SCRAM listener. */
  public static Map<String, Object> clientProperties(String user, String password) {
    return Map.of(
        "security.protocol",
        "SASL_PLAINTEXT",
        "sasl.mechanism",
        MECHANISM,
        "sasl.jaas.config",
        jaas(SecureBroker.SCRAM_LOGIN, user, password, ""));
  }

  /** A JAAS line; quotes and backslashes in values are escaped. */
  static String jaas(String module, String user, String password, String extra) {
    return module
        + " required username=\""
        + quoted(user)
        + "\" password=\""
        + quoted(password)
        + "\""
        + extra
        + ";";
  }

  static String quoted(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          name + " is not set: the secure Kafka broker needs a password for every user");
    }
    return value;
  }

  /** Part name to variable name: the first and fifth columns of suite.parts. */
  private static Map<String, String> partVariables(Path parts) {
    try {
      Map<String, String> variables = new LinkedHashMap<>();
      Files.readAllLines(parts).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.split("\\s+"))
          .forEach(c -> variables.put(c[0], c[4]));
      return variables;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + parts, e);
    }
  }
}

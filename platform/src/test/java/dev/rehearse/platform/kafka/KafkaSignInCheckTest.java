package dev.rehearse.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearse.launcher.EmbeddedKafkaBroker;
import dev.rehearse.launcher.KafkaAccess;
import dev.rehearse.launcher.KafkaSecurity;
import dev.rehearse.testsupport.TestInfrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A service's start-up against the secure broker of ./rehearse up, and against the tests' one. */
class KafkaSignInCheckTest {
  private static final String SPEECH = "speech-service";
  private static final Map<String, String> passwords = new HashMap<>();
  private static EmbeddedKafkaBroker secure;

  @BeforeAll
  static void start() throws Exception {
    KafkaAccess access = KafkaAccess.read(Path.of("../kafka.acl"));
    access.principals().forEach(p -> passwords.put(p, UUID.randomUUID().toString()));
    KafkaSecurity security = new KafkaSecurity(access, UUID.randomUUID().toString(), passwords);
    secure =
        new EmbeddedKafkaBroker(Files.createTempDirectory("sign-in-").resolve("kafka"), 0, security)
            .start();
  }

  @AfterAll
  static void stop() {
    secure.close();
  }

  @Test
  void aServiceWithoutCredentialsStopsWhenTheBrokerRequiresSasl() {
    assertThatThrownBy(() -> new KafkaSignInCheck(secure.bootstrapServers(), null, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("requires SASL sign-in")
        .hasMessageContaining("REHEARSE_KAFKA_USERNAME");
  }

  @Test
  void aServiceWithAWrongPasswordStopsSayingSo() {
    Map<String, Object> wrong = credentials(SPEECH, "not-the-password");
    assertThatThrownBy(() -> check(secure.bootstrapServers(), wrong))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refused this service's credentials");
  }

  @Test
  void aServiceWithItsCredentialsStarts() {
    Map<String, Object> right = credentials(SPEECH, passwords.get(SPEECH));
    assertThatCode(() -> check(secure.bootstrapServers(), right)).doesNotThrowAnyException();
  }

  @Test
  void componentTestsKeepTheirPlaintextBrokerWithoutCredentials() {
    String plaintext =
        TestInfrastructure.properties("platform_test").get("kafka.bootstrap.servers");
    assertThatCode(() -> new KafkaSignInCheck(plaintext, null, null)).doesNotThrowAnyException();
  }

  @Test
  void credentialsComeInPairsAndHaveNoDefault() {
    assertThat(KafkaCredentials.properties(Map.of())).isEmpty();
    assertThatThrownBy(() -> KafkaCredentials.properties(Map.of(KafkaCredentials.USERNAME, SPEECH)))
        .hasMessageContaining(KafkaCredentials.PASSWORD);
    assertThat(
            KafkaCredentials.properties(
                    Map.of(KafkaCredentials.USERNAME, SPEECH, KafkaCredentials.PASSWORD, "p\"w"))
                .orElseThrow())
        .containsEntry("kafka.security.protocol", "SASL_PLAINTEXT")
        .containsEntry("kafka.sasl.mechanism", "SCRAM-SHA-256")
        .containsEntry(
            "kafka.sasl.jaas.config",
            "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"speech-service\" password=\"p\\\"w\";");
  }

  private static Map<String, Object> credentials(String user, String password) {
    return KafkaCredentials.properties(
            Map.of(KafkaCredentials.USERNAME, user, KafkaCredentials.PASSWORD, password))
        .orElseThrow();
  }

  private static void check(String servers, Map<String, Object> properties) {
    new KafkaSignInCheck(
        servers,
        (String) properties.get("kafka.sasl.jaas.config"),
        (String) properties.get("kafka.security.protocol"));
  }
}

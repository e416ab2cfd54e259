package dev.rehearse.launcher;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secure mode of {@link EmbeddedKafkaBroker}: clients sign in with SASL/SCRAM-SHA-256 on the
 * client listener, and KRaft's StandardAuthorizer allows only what {@link KafkaAccess} grants
 * (nothing where no ACL is found). The broker's own admin, the only super user, signs in with
 * SASL/PLAIN on two listeners bound to localhost on random ports: the controller's (KRaft cannot
 * check SCRAM there, the credentials live in the metadata it serves) and an internal one for the
 * broker itself and for setting up users and ACLs. So no password is needed at format time, and a
 * log directory formatted before the broker was secured is upgraded in place.
 */
final class SecureBroker {
  private static final Logger LOG = LoggerFactory.getLogger(SecureBroker.class);
  private static final int SCRAM_ITERATIONS = 8192;
  static final String SCRAM_LOGIN = "org.apache.kafka.common.security.scram.ScramLoginModule";
  private static final String PLAIN_LOGIN =
      "org.apache.kafka.common.security.plain.PlainLoginModule";

  private final KafkaSecurity security;
  private final int clientPort;
  private final int internalPort;
  private final int controllerPort;

  SecureBroker(KafkaSecurity security, int clientPort, int controllerPort) {
    this.security = security;
    this.clientPort = clientPort;
    this.internalPort = EmbeddedKafkaBroker.freePort();
    this.controllerPort = controllerPort;
  }

  /** Replaces the PLAINTEXT listeners of the broker. */
  Properties brokerProperties() {
    String admin = KafkaSecurity.ADMIN;
    String password = security.adminPassword();
    String adminOnly =
        KafkaSecurity.jaas(
            PLAIN_LOGIN,
            admin,
            password,
            " user_" + admin + "=\"" + KafkaSecurity.quoted(password) + "\"");
    Properties p = new Properties();
    p.put(
        "listeners",
        "CLIENT://localhost:"
            + clientPort
            + ",INTERNAL://localhost:"
            + internalPort
            + ",CONTROLLER://localhost:"
            + controllerPort);
    p.put(
        "advertised.listeners",
        "CLIENT://localhost:" + clientPort + ",INTERNAL://localhost:" + internalPort);
    p.put(
        "listener.security.protocol.map",
        "CLIENT:SASL_PLAINTEXT,INTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
    p.put("listener.name.client.sasl.enabled.mechanisms", KafkaSecurity.MECHANISM);
    // the server side checks SCRAM against the credentials in the metadata: no user list here
    p.put("listener.name.client.scram-sha-256.sasl.jaas.config", SCRAM_LOGIN + " required;");
    p.put("inter.broker.listener.name", "INTERNAL");
    p.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
    p.put("listener.name.internal.sasl.enabled.mechanisms", "PLAIN");
    p.put("listener.name.internal.plain.sasl.jaas.config", adminOnly);
    p.put("sasl.mechanism.controller.protocol", "PLAIN");
    p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
    p.put("listener.name.controller.plain.sasl.jaas.config", adminOnly);
    p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    p.put("super.users", "User:" + admin);
    p.put("allow.everyone.if.no.acl.found", "false");
    return p;
  }

  /**
   * Sets every service's SCRAM password (a changed one too) and makes the ACLs exactly those of the
   * table.
   */
  void applyUsersAndAcls() {
    Map<String, Object> config =
        Map.of(
            "bootstrap.servers",
            "localhost:" + internalPort,
            "security.protocol",
            "SASL_PLAINTEXT",
            "sasl.mechanism",
            "PLAIN",
            "sasl.jaas.config",
            KafkaSecurity.jaas(PLAIN_LOGIN, KafkaSecurity.ADMIN, security.adminPassword(), ""));
    try (Admin admin = Admin.create(config)) {
      List<UserScramCredentialAlteration> users = new ArrayList<>();
      security.passwords().forEach((user, password) -> users.add(scram(user, password)));
      admin.alterUserScramCredentials(users).all().get();

      Set<AclBinding> wanted = new HashSet<>(security.access().bindings());
      Set<AclBinding> present =
          new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get());
      List<AclBindingFilter> stale =
          present.stream().filter(b -> !wanted.contains(b)).map(AclBinding::toFilter).toList();
      if (!stale.isEmpty()) {
        admin.deleteAcls(stale).all().get();
      }
      wanted.removeAll(present);
      if (!wanted.isEmpty()) {
        admin.createAcls(wanted).all().get();
      }
      LOG.info(
          "Kafka secured: SASL/{} users {} and {} ACLs",
          KafkaSecurity.MECHANISM,
          security.access().principals(),
          security.access().bindings().size());
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not set Kafka's users and ACLs: " + e.getCause(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while securing Kafka", e);
    }
  }

  private static UserScramCredentialUpsertion scram(String user, String password) {
    return new UserScramCredentialUpsertion(
        user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, SCRAM_ITERATIONS), password);
  }
}

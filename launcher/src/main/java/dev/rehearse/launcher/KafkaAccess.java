package dev.rehearse.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.Resource;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * What each service may do on Kafka, as the table kafka.acl at the repository root lists it, and
 * the ACLs that grant exactly that (the broker denies everything else).
 */
public record KafkaAccess(List<Grant> grants) {
  private static final String DEAD_LETTER_SUFFIX = ".dlq";

  /** One line of the table. */
  public record Grant(String principal, List<String> writes, List<String> reads, String groups) {}

  /** Columns separated by spaces, lists by commas; # starts a comment. */
  public static KafkaAccess read(Path table) {
    try {
      return new KafkaAccess(
          Files.readAllLines(table).stream()
              .map(String::strip)
              .filter(line -> !line.isEmpty() && !line.startsWith("#"))
              .map(line -> line.split("\\s+"))
              .map(c -> new Grant(c[0], list(c[1]), list(c[2]), c[3]))
              .toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Kafka access table " + table, e);
    } catch (ArrayIndexOutOfBoundsException e) {
      throw new IllegalArgumentException(table + ": every line needs 4 columns", e);
    }
  }

  public List<String> principals() {
    return grants.stream().map(Grant::principal).toList();
  }

  public List<AclBinding> bindings() {
    List<AclBinding> bindings = new ArrayList<>();
    for (Grant grant : grants) {
      String user = "User:" + grant.principal();
      for (String topic : grant.writes()) {
        bindings.add(allow(user, AclOperation.WRITE, topic(topic)));
        bindings.add(allow(user, AclOperation.CREATE, topic(topic)));
        bindings.add(allow(user, AclOperation.CREATE, topic(topic + DEAD_LETTER_SUFFIX)));
      }
      for (String topic : grant.reads()) {
        bindings.add(allow(user, AclOperation.READ, topic(topic)));
        bindings.add(allow(user, AclOperation.WRITE, topic(topic + DEAD_LETTER_SUFFIX)));
      }
      bindings.add(
          allow(
              user,
              AclOperation.READ,
              new ResourcePattern(ResourceType.GROUP, grant.groups(), PatternType.PREFIXED)));
      bindings.add(
          allow(
              user,
              AclOperation.DESCRIBE_CONFIGS,
              new ResourcePattern(
                  ResourceType.CLUSTER, Resource.CLUSTER_NAME, PatternType.LITERAL)));
    }
    return bindings;
  }

  private static List<String> list(String column) {
    return List.of(column.split(","));
  }

  private static ResourcePattern topic(String name) {
    return new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
  }

  private static AclBinding allow(String user, AclOperation operation, ResourcePattern resource) {
    return new AclBinding(
        resource, new AccessControlEntry(user, "*", operation, AclPermissionType.ALLOW));
  }
}

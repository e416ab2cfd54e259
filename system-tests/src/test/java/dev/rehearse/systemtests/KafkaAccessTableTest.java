package dev.rehearse.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * kafka.acl (who may write and read which topic, read by the launcher and compose's kafka-init)
 * against the code: each service is granted exactly the topics it publishes and consumes, and its
 * consumer groups fall under its prefix. A topic not yet declared in contracts' Topics may be
 * granted ahead of the code that uses it.
 */
class KafkaAccessTableTest {
  private static final Pattern CONSTANT =
      Pattern.compile("static final String (\\w+) =\\s*\"([^\"]+)\"");
  private static final Pattern CONSUMED = Pattern.compile("@Topic\\(Topics\\.(\\w+)\\)");
  private static final Pattern REFERENCED = Pattern.compile("(?<!@Topic\\()Topics\\.([A-Z_]+)\\b");
  private static final Pattern GROUP = Pattern.compile("@InboxListener\\(groupId = ([^)]+)\\)");

  private record Grant(Set<String> writes, Set<String> reads, String groups) {}

  private static final Map<String, String> TOPICS = topicConstants();
  private static final Map<String, Grant> TABLE = table();

  @Test
  void eachServiceMayWriteExactlyWhatItPublishesAndReadExactlyWhatItConsumes() {
    Set<String> platformReads = topics(Suite.root().resolve("platform"), CONSUMED);
    assertThat(TABLE.keySet()).hasSameElementsAs(Suite.SERVICES);
    for (String service : Suite.SERVICES) {
      Path module = Suite.root().resolve(service);
      Set<String> reads = topics(module, CONSUMED);
      reads.addAll(platformReads);
      Set<String> writes = topics(module, REFERENCED);
      assertThat(declared(TABLE.get(service).reads())).as(service + " reads").isEqualTo(reads);
      assertThat(declared(TABLE.get(service).writes())).as(service + " writes").isEqualTo(writes);
    }
  }

  @Test
  void everyTopicHasOneOwnerNamedByItsSecondWord() {
    Map<String, String> ownerOfWord = new HashMap<>();
    Map<String, String> writer = new HashMap<>();
    TABLE.forEach(
        (service, grant) ->
            grant
                .writes()
                .forEach(
                    topic -> {
                      assertThat(writer.put(topic, service)).as(topic + " has one writer").isNull();
                      String word = topic.split("\\.")[1];
                      assertThat(ownerOfWord.computeIfAbsent(word, w -> service))
                          .as("every rehearse." + word + ".* topic is written by one service")
                          .isEqualTo(service);
                    }));
    assertThat(writer.keySet()).as("every declared topic is owned").containsAll(TOPICS.values());
  }

  @Test
  void everyConsumerGroupFallsUnderItsServicesPrefix() {
    for (String service : Suite.SERVICES) {
      for (Path file : sources(Suite.root().resolve(service))) {
        String source = read(file);
        Matcher m = GROUP.matcher(source);
        while (m.find()) {
          String group = groupName(m.group(1).strip(), source);
          assertThat(group).as(file.toString()).startsWith(TABLE.get(service).groups());
        }
      }
    }
  }

  private static String groupName(String expression, String source) {
    if (expression.startsWith("\"")) {
      return expression.substring(1, expression.length() - 1);
    }
    String name = expression.substring(expression.lastIndexOf('.') + 1);
    Matcher m = CONSTANT.matcher(source);
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return m.group(2);
      }
    }
    throw new AssertionError("no constant " + expression);
  }

  /** The topics of the table that contracts already declares. */
  private static Set<String> declared(Set<String> topics) {
    Set<String> result = new TreeSet<>(topics);
    result.retainAll(TOPICS.values());
    return result;
  }

  private static Set<String> topics(Path module, Pattern pattern) {
    Set<String> result = new TreeSet<>();
    for (Path file : sources(module)) {
      Matcher m = pattern.matcher(read(file));
      while (m.find()) {
        String topic = TOPICS.get(m.group(1));
        if (topic != null) {
          result.add(topic);
        }
      }
    }
    return result;
  }

  /** Topics' topic-name constants (not the suffix and header names). */
  private static Map<String, String> topicConstants() {
    Map<String, String> result = new LinkedHashMap<>();
    Matcher m =
        CONSTANT.matcher(
            read(
                Suite.root()
                    .resolve("contracts/src/main/java/dev/rehearse/contracts/Topics.java")));
    while (m.find()) {
      if (m.group(2).startsWith("rehearse.") && !m.group(2).startsWith("rehearse.dlq")) {
        result.put(m.group(1), m.group(2));
      }
    }
    return result;
  }

  private static Map<String, Grant> table() {
    Map<String, Grant> result = new LinkedHashMap<>();
    try {
      Files.readAllLines(Suite.root().resolve("kafka.acl")).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.split("\\s+"))
          .forEach(
              c ->
                  result.put(
                      c[0],
                      new Grant(
                          new TreeSet<>(List.of(c[1].split(","))),
                          new TreeSet<>(List.of(c[2].split(","))),
                          c[3])));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return result;
  }

  private static List<Path> sources(Path module) {
    try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
      return files.filter(f -> f.toString().endsWith(".java")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

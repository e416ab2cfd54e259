package dev.rehearse.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The suite as the repository lays it out: its parts as suite.parts describes them (the file
 * ./rehearse and the benchmarks read too), and where files are.
 */
final class Suite {
  /** One line of suite.parts. */
  record Part(String name, String kind, int port, Optional<String> schema, String variable) {
    boolean isService() {
      return kind.equals("service");
    }
  }

  static final List<Part> PARTS = readParts();

  /** The services in start order (the gateway last). */
  static final List<String> SERVICES =
      PARTS.stream().filter(Part::isService).map(Part::name).toList();

  static final List<String> INFRASTRUCTURE =
      PARTS.stream().filter(p -> !p.isService()).map(Part::name).toList();

  /** Each part's port under ./rehearse up (and in docker-compose.yml, for the services). */
  static final Map<String, Integer> PORTS = ports();

  private Suite() {}

  /**
   * The repository root: Maven passes it; an IDE run from the module directory finds it one level
   * up.
   */
  static Path root() {
    String configured = System.getProperty("rehearse.root");
    return (configured != null ? Path.of(configured) : Path.of("..")).toAbsolutePath().normalize();
  }

  static Path applicationYml(String service) {
    return root().resolve(service).resolve("src/main/resources/application.yml");
  }

  static Part part(String name) {
    return PARTS.stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no part " + name + " in suite.parts"));
  }

  /**
   * Whitespace-separated columns: part, kind, port, schema (- for none), variable; # starts a
   * comment.
   */
  private static List<Part> readParts() {
    try {
      return Files.readAllLines(root().resolve("suite.parts")).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.split("\\s+"))
          .map(
              c ->
                  new Part(
                      c[0],
                      c[1],
                      Integer.parseInt(c[2]),
                      Optional.of(c[3]).filter(s -> !s.equals("-")),
                      c[4]))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Integer> ports() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    PARTS.forEach(p -> ports.put(p.name(), p.port()));
    return ports;
  }
}

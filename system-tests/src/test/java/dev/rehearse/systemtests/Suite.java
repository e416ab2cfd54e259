package dev.rehearse.systemtests;

import dev.rehearse.launcher.SuiteParts;
import dev.rehearse.launcher.SuiteParts.Part;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The suite as the repository lays it out: its parts as suite.parts describes them (the file
 * ./rehearse, the benchmarks and the launcher read too, the launcher with this same reader), and
 * where files are.
 */
final class Suite {
  static final List<Part> PARTS = SuiteParts.read(root().resolve("suite.parts"));

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

  private static Map<String, Integer> ports() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    PARTS.forEach(p -> ports.put(p.name(), p.port()));
    return ports;
  }
}

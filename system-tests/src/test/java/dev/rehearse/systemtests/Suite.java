package dev.rehearse.systemtests;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The suite as the repository lays it out: the services, their conventional ports, where files are. */
final class Suite {
  static final List<String> SERVICES = List.of("question-service", "assessment-service", "speech-service", "gateway");
  static final Map<String, Integer> PORTS = Map.of(
      "gateway", 8080, "question-service", 8081, "assessment-service", 8082, "speech-service", 8083);

  private Suite() {}

  /** The repository root: Maven passes it; an IDE run from the module directory finds it one level up. */
  static Path root() {
    String configured = System.getProperty("rehearse.root");
    return (configured != null ? Path.of(configured) : Path.of("..")).toAbsolutePath().normalize();
  }

  static Path applicationYml(String service) {
    return root().resolve(service).resolve("src/main/resources/application.yml");
  }
}

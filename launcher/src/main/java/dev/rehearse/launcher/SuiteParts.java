package dev.rehearse.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The parts of the suite as suite.parts describes them (its header explains the columns): the
 * launcher reads it to know which services get a database role.
 */
public final class SuiteParts {
  /** One line of suite.parts. */
  public record Part(String name, String kind, int port, Optional<String> schema, String variable) {
    public boolean isService() {
      return kind.equals("service");
    }
  }

  private SuiteParts() {}

  public static List<Part> read(Path file) {
    try {
      return Files.readAllLines(file).stream()
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
      throw new UncheckedIOException("cannot read the suite's parts from " + file, e);
    }
  }
}

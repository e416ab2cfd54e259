package dev.rehearse.question.pack;

import dev.rehearse.question.catalog.ItemType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of one pack by their path inside it ({@code pack.yml}, {@code items/quiz.yml}), as
 * text.
 */
public record PackFiles(Map<String, String> files) {
  public static final String PACK = "pack.yml";
  public static final String SKILLS = "skills.yml";
  public static final String ROLES = "roles.yml";
  public static final String RED_FLAGS = "red-flags.yml";
  public static final List<String> REQUIRED = List.of(PACK, SKILLS, ROLES, RED_FLAGS);
  public static final List<String> KNOWN =
      Stream.concat(REQUIRED.stream(), Stream.of(ItemType.values()).map(ItemType::file)).toList();

  public PackFiles {
    files = Map.copyOf(files);
  }

  /**
   * Reads {@code packs/<id>/...} from the classpath; files that are absent are simply not there.
   */
  public static PackFiles fromClasspath(String packId, ClassLoader loader) {
    Map<String, String> files = new LinkedHashMap<>();
    for (String name : KNOWN) {
      try (InputStream in = loader.getResourceAsStream("packs/" + packId + "/" + name)) {
        if (in != null) {
          files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new PackFiles(files);
  }
}

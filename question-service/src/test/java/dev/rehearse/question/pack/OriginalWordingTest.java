package dev.rehearse.question.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pack is written afresh: no text of it shares a run of eight words (lower case, punctuation
 * ignored) with the source pages the product was created from, read from ../shared/seeds beside the
 * checkout. A failure names the item and the shared words.
 */
class OriginalWordingTest {
  static final int RUN = 8;
  static final Path SEEDS = Path.of("..", "..", "shared", "seeds");
  static final Path PACK = Path.of("src", "main", "resources", "packs", "ml-infrastructure");

  @Test
  void noPackTextSharesEightWordsInARowWithTheSourcePages() throws IOException {
    assertThat(SEEDS).as("the source pages beside the checkout").isDirectory();
    Set<String> seen = new HashSet<>();
    try (Stream<Path> pages = Files.list(SEEDS)) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".txt")).toList()) {
        seen.addAll(runs(words(Files.readString(page))));
      }
    }
    assertThat(seen).hasSizeGreaterThan(1_000);
    List<String> shared = new ArrayList<>();
    try (Stream<Path> files = Files.walk(PACK)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".yml")).toList()) {
        // one block per item ("- id: ..."), so a failure names the item
        for (String block : Files.readString(file).split("\\n(?=\\s*- id: )")) {
          String item =
              block.strip().startsWith("- id:")
                  ? block.strip().split("\\s+")[2]
                  : file.getFileName().toString();
          runs(words(block)).stream()
              .filter(seen::contains)
              .findFirst()
              .ifPresent(run -> shared.add(item + ": \"" + run + "\""));
        }
      }
    }
    assertThat(shared)
        .as("pack texts that share %d words in a row with a source page", RUN)
        .isEmpty();
  }

  static List<String> words(String text) {
    return List.of(text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim().split(" "));
  }

  static Set<String> runs(List<String> words) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i + RUN <= words.size(); i++) {
      out.add(String.join(" ", words.subList(i, i + RUN)));
    }
    return out;
  }
}

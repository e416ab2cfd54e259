package dev.rehearse.question.catalog;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of item a pack holds; each comes from its own file in the pack. */
public enum ItemType {
  SELF_CHECK("items/self-check.yml"),
  QUIZ("items/quiz.yml"),
  VOCABULARY("items/vocabulary.yml"),
  SCENARIO("items/scenarios.yml"),
  OPEN("items/open.yml"),
  PRONUNCIATION("items/pronunciation.yml");

  private final String file;

  ItemType(String file) {
    this.file = file;
  }

  public String file() {
    return file;
  }

  /**
   * Vocabulary is studied here only; every other type is scored downstream, so it goes on the
   * catalog topic.
   */
  public boolean published() {
    return this != VOCABULARY;
  }

  /** Accepts any case and a hyphen for the underscore: {@code quiz}, {@code self-check}. */
  public static Optional<ItemType> parse(String name) {
    String wanted = name.trim().replace('-', '_');
    return Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(wanted)).findFirst();
  }
}

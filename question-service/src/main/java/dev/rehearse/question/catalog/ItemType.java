package dev.rehearse.question.catalog;

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

  /** Vocabulary is studied here only; every other type is scored downstream, so it goes on the catalog topic. */
  public boolean published() {
    return this != VOCABULARY;
  }

  public static java.util.Optional<ItemType> parse(String name) {
    for (ItemType t : values()) {
      if (t.name().equalsIgnoreCase(name.trim().replace('-', '_'))) {
        return java.util.Optional.of(t);
      }
    }
    return java.util.Optional.empty();
  }
}

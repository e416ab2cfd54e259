package dev.rehearse.question.catalog;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Proficiency levels in order; the rank orders items from easy to hard. */
public enum Level {
  BEGINNER("Beginner"),
  INTERMEDIATE("Intermediate"),
  ADVANCED("Advanced"),
  EXPERT("Expert");

  public static final String NAMES =
      Arrays.stream(values()).map(Level::label).collect(Collectors.joining(", "));

  public static final Set<String> LABELS =
      Arrays.stream(values()).map(Level::label).collect(Collectors.toUnmodifiableSet());

  private final String label;

  Level(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public int rank() {
    return ordinal();
  }

  public static Optional<Level> parse(String label) {
    return Arrays.stream(values()).filter(l -> l.label.equalsIgnoreCase(label.trim())).findFirst();
  }

  public static Level ofRank(int rank) {
    return values()[Math.max(0, Math.min(rank, values().length - 1))];
  }
}

package dev.rehearse.assessment;

import java.util.Locale;

/** The four proficiency levels of the skill guides, in order. */
public enum Level {
  BEGINNER("Beginner"),
  INTERMEDIATE("Intermediate"),
  ADVANCED("Advanced"),
  EXPERT("Expert");

  private final String label;

  Level(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** 1 for Beginner up to 4 for Expert. */
  public int rank() {
    return ordinal() + 1;
  }

  /** The level of a rank, rounded and clamped to 1..4. */
  public static Level ofRank(double rank) {
    int r = (int) Math.round(rank);
    return values()[Math.max(1, Math.min(4, r)) - 1];
  }

  /** Parses a catalog level; anything unknown counts as Intermediate, the middle of the scale. */
  public static Level parse(String label) {
    if (label != null) {
      for (Level l : values()) {
        if (l.label.equalsIgnoreCase(label.trim())
            || l.name().equals(label.trim().toUpperCase(Locale.ROOT))) {
          return l;
        }
      }
    }
    return INTERMEDIATE;
  }
}

package dev.rehearse.question.pack;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One YAML mapping being read. Knows where it sits (file, entry id, field path) so that every
 * problem is recorded with its place and reading goes on: a pack's errors are reported all at once.
 */
final class YamlFields {
  static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final Map<?, ?> map;
  private final String file;
  private @Nullable String itemId;
  private final String prefix;
  private final List<PackError> errors;

  YamlFields(
      Map<?, ?> map, String file, @Nullable String itemId, String prefix, List<PackError> errors) {
    this.map = map;
    this.file = file;
    this.itemId = itemId;
    this.prefix = prefix;
    this.errors = errors;
  }

  /** Names the entry in later errors once its id is known. */
  void identify(String id) {
    itemId = id;
  }

  void error(@Nullable String field, String message) {
    String path =
        field == null
            ? (prefix.isEmpty() ? null : prefix)
            : (prefix.isEmpty() ? field : prefix + "." + field);
    errors.add(new PackError(file, itemId, path, message));
  }

  /** Flags keys the format does not know: a misspelt field would otherwise be silently lost. */
  void allow(Set<String> names) {
    for (Object key : map.keySet()) {
      if (!names.contains(String.valueOf(key))) {
        error(String.valueOf(key), "unknown field; expected one of " + new TreeSet<>(names));
      }
    }
  }

  boolean has(String name) {
    return map.get(name) != null;
  }

  @Nullable
  String text(String name) {
    return text(name, true);
  }

  @Nullable
  String optionalText(String name) {
    return text(name, false);
  }

  private @Nullable String text(String name, boolean required) {
    Object value = map.get(name);
    if (value == null) {
      if (required) {
        error(name, "is required");
      }
      return null;
    }
    String text = scalar(value, name);
    if (text != null && text.isBlank()) {
      error(name, "must not be blank");
      return null;
    }
    return text;
  }

  /** A required kebab-case id. */
  @Nullable
  String id(String name) {
    String id = text(name);
    if (id != null && !KEBAB.matcher(id).matches()) {
      error(
          name,
          "'" + id + "' is not a kebab-case id (lower-case letters, digits and single hyphens)");
      return null;
    }
    return id;
  }

  @Nullable
  Integer integer(String name, int min, int max) {
    Object value = map.get(name);
    if (value == null) {
      error(name, "is required");
      return null;
    }
    if (!(value instanceof Integer i)) {
      error(name, "must be a whole number, not '" + value + "'");
      return null;
    }
    if (i < min || i > max) {
      error(name, "must be between " + min + " and " + max + ", not " + i);
      return null;
    }
    return i;
  }

  @Nullable
  Boolean bool(String name) {
    Object value = map.get(name);
    if (value == null) {
      error(name, "is required (true or false)");
      return null;
    }
    if (!(value instanceof Boolean b)) {
      error(name, "must be true or false, not '" + value + "'");
      return null;
    }
    return b;
  }

  /** A list of non-blank texts; a missing optional list is empty. */
  List<String> strings(String name, boolean required, int min) {
    Object value = map.get(name);
    if (value == null) {
      if (required) {
        error(name, "is required");
      }
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      error(name, "must be a list");
      return List.of();
    }
    if (list.size() < min) {
      error(name, "needs at least " + min + " entr" + (min == 1 ? "y" : "ies"));
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String field = name + "[" + i + "]";
      String text = list.get(i) == null ? null : scalar(list.get(i), field);
      if (list.get(i) == null || (text != null && text.isBlank())) {
        error(field, "must not be empty");
      } else if (text != null) {
        out.add(text);
      }
    }
    return out;
  }

  /** A list of mappings, each read with its own position in the field path. */
  List<YamlFields> mappings(String name, int min, int max) {
    Object value = map.get(name);
    if (value == null) {
      error(name, "is required");
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      error(name, "must be a list");
      return List.of();
    }
    if (list.size() < min || list.size() > max) {
      error(
          name,
          max == Integer.MAX_VALUE
              ? "needs at least "
                  + min
                  + " entr"
                  + (min == 1 ? "y" : "ies")
                  + ", has "
                  + list.size()
              : "needs " + min + " to " + max + " entries, has " + list.size());
    }
    List<YamlFields> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String path = (prefix.isEmpty() ? "" : prefix + ".") + name + "[" + i + "]";
      if (list.get(i) instanceof Map<?, ?> m) {
        out.add(new YamlFields(m, file, itemId, path, errors));
      } else {
        errors.add(new PackError(file, itemId, path, "must be a mapping of fields"));
      }
    }
    return out;
  }

  /** A nested mapping, read with its own place in the field path. */
  @Nullable
  YamlFields mapping(String name) {
    Object value = map.get(name);
    if (!(value instanceof Map<?, ?> m)) {
      error(name, value == null ? "is required" : "must be a mapping of fields");
      return null;
    }
    return new YamlFields(m, file, itemId, (prefix.isEmpty() ? "" : prefix + ".") + name, errors);
  }

  /**
   * Top-level entries ({@code items[3]}) start a new entry: errors carry the entry's position until
   * its id is read.
   */
  List<YamlFields> entries(String name, int min) {
    List<YamlFields> out = new ArrayList<>();
    for (YamlFields entry : mappings(name, min, Integer.MAX_VALUE)) {
      out.add(new YamlFields(entry.map, file, entry.prefix, "", errors));
    }
    return out;
  }

  private @Nullable String scalar(Object value, String name) {
    if (value instanceof String s) {
      return s.strip();
    }
    if (value instanceof Number n) {
      return n.toString();
    }
    if (value instanceof Boolean) {
      error(name, "reads as a yes/no value (" + value + "); put the text in quotes");
    } else {
      error(name, "must be text, not a " + (value instanceof List ? "list" : "mapping"));
    }
    return null;
  }
}

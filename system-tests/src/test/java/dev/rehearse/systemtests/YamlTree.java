package dev.rehearse.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * A parsed YAML document read by dotted paths, the way Micronaut reads application.yml: {@code
 * a.b.c} finds nested keys and flat keys like {@code "a.b": {c: 1}} alike.
 */
final class YamlTree {
  /** Micronaut's {@code ${NAME:default}} and compose's {@code ${NAME:-default}}. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^:}]+:-?([^}]*)}");

  private final Map<String, Object> root;

  private YamlTree(Map<String, Object> root) {
    this.root = root;
  }

  static YamlTree load(Path file) {
    try {
      Map<String, Object> map = new Yaml().load(Files.readString(file));
      return new YamlTree(map == null ? Map.of() : map);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Optional<Object> find(String path) {
    return Optional.ofNullable(find(root, path.split("\\."), 0));
  }

  /** A scalar as text; a placeholder with a default reads as its default. */
  Optional<String> text(String path) {
    return find(path).map(YamlTree::scalar);
  }

  String required(String path) {
    return text(path).orElseThrow(() -> new AssertionError("no " + path));
  }

  /**
   * A map-valued node with its values as text (compose environments are maps or KEY=VALUE lists).
   */
  Map<String, String> strings(String path) {
    Map<String, String> result = new LinkedHashMap<>();
    Object node = find(path).orElse(Map.of());
    if (node instanceof Map<?, ?> map) {
      map.forEach((k, v) -> result.put(String.valueOf(k), v == null ? "" : scalar(v)));
    } else if (node instanceof List<?> list) {
      list.forEach(
          entry -> {
            String s = String.valueOf(entry);
            int eq = s.indexOf('=');
            result.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
          });
    }
    return result;
  }

  YamlTree tree(String path) {
    Object node = find(path).orElseThrow(() -> new AssertionError("no " + path));
    if (!(node instanceof Map<?, ?>)) {
      throw new AssertionError(path + " is not a mapping");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) node;
    return new YamlTree(map);
  }

  /** A list of mappings (Prometheus's scrape_configs, say); empty when there is none. */
  List<YamlTree> trees(String path) {
    Object node = find(path).orElse(List.of());
    if (!(node instanceof List<?> list)) {
      throw new AssertionError(path + " is not a list");
    }
    return list.stream()
        .map(
            entry -> {
              if (!(entry instanceof Map<?, ?>)) {
                throw new AssertionError("an entry of " + path + " is not a mapping");
              }
              @SuppressWarnings("unchecked")
              Map<String, Object> map = (Map<String, Object>) entry;
              return new YamlTree(map);
            })
        .toList();
  }

  Set<String> keys() {
    return root.keySet();
  }

  static String scalar(Object value) {
    if (value instanceof List<?> list) {
      return String.join(" ", list.stream().map(String::valueOf).toList());
    }
    String s = String.valueOf(value);
    Matcher m = PLACEHOLDER.matcher(s);
    return m.matches() ? m.group(1) : s;
  }

  private static Object find(Object node, String[] parts, int from) {
    if (from == parts.length) {
      return node;
    }
    if (!(node instanceof Map<?, ?> map)) {
      return null;
    }
    // try the longest flat key first: "a.b" before "a"
    for (int to = parts.length; to > from; to--) {
      String key = String.join(".", Arrays.copyOfRange(parts, from, to));
      if (map.containsKey(key)) {
        Object found = find(map.get(key), parts, to);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}

package dev.rehearse.assessment.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * A public set of short answers graded by people (see evaluation/public/README.md): each question
 * with one reference answer and its student answers, each with the annotators' label and a grade.
 */
final class PublicGradedSet {
  record Question(String id, String text, String referenceAnswer, List<StudentAnswer> answers) {}

  record StudentAnswer(String id, String text, String label, double grade) {}

  private PublicGradedSet() {}

  /** Reads a set from the test classpath, e.g. "/evaluation/public/beetle.yml". */
  @SuppressWarnings("unchecked")
  static List<Question> load(String resource) {
    Map<String, Object> set;
    try (InputStream in = PublicGradedSet.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + resource);
      }
      set = new Yaml().load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ((List<Map<String, Object>>) set.get("questions"))
        .stream()
            .map(
                q ->
                    new Question(
                        text(q, "id"),
                        text(q, "text"),
                        text(q, "referenceAnswer"),
                        ((List<Map<String, Object>>) q.get("answers"))
                            .stream()
                                .map(
                                    a ->
                                        new StudentAnswer(
                                            text(a, "id"),
                                            text(a, "text"),
                                            text(a, "label"),
                                            ((Number) a.get("grade")).doubleValue()))
                                .toList()))
            .toList();
  }

  /** A missing or empty field is a broken file, not an empty answer: fail where it is. */
  private static String text(Map<String, Object> node, String key) {
    Object value = node.get(key);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException("missing " + key + " in " + node);
    }
    return value.toString();
  }
}

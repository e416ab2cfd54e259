package dev.rehearse.systemtests;

import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import javax.naming.OperationNotSupportedException;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core (Deque's script from its Maven jar) on the page a browser shows: the WCAG 2.1 A and AA
 * rules, whose serious and critical violations are returned and recorded under target/axe. The
 * script goes in once per page load and axe.run is called directly: AxeBuilder would send its 560
 * kB again and serialise every passing rule on each call, seconds a page instead of a fraction of
 * one.
 */
final class Axe {
  static final Path REPORTS = Suite.root().resolve("system-tests/target/axe");
  private static final Path SUMMARY = REPORTS.resolve("summary.tsv");
  private static final String SCRIPT = script();
  private static final String RUN =
      """
      const done = arguments[arguments.length - 1];
      axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      }).then(
        r => done(r.violations
          .filter(v => v.impact === 'serious' || v.impact === 'critical')
          .map(v => [v.id, v.impact, String(v.nodes.length), v.nodes[0].target.join(' '), v.help])),
        e => done(String(e)));""";

  /** One rule a page breaks: how many elements, and the first of them. */
  record Violation(String id, String impact, int count, String firstTarget, String help) {
    @Override
    public String toString() {
      return id + " (" + impact + ", " + count + "x, first " + firstTarget + "): " + help;
    }
  }

  static {
    try {
      Files.deleteIfExists(SUMMARY); // this run's pages only
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Axe() {}

  private static String script() {
    try {
      return new AxeBuilder().getAxeScriptProvider().getScript();
    } catch (OperationNotSupportedException | IOException e) {
      throw new IllegalStateException("axe-core's script is not in its jar", e);
    }
  }

  /** The serious and critical violations on the page. */
  @SuppressWarnings("unchecked")
  static List<Violation> run(JavascriptExecutor page) {
    if (!(Boolean) page.executeScript("return typeof axe === 'object'")) {
      page.executeScript(SCRIPT);
    }
    Object answer = page.executeAsyncScript(RUN);
    if (!(answer instanceof List<?> rules)) {
      throw new IllegalStateException("axe failed: " + answer);
    }
    return ((List<List<String>>) rules)
        .stream()
            .map(
                v ->
                    new Violation(
                        v.get(0), v.get(1), Integer.parseInt(v.get(2)), v.get(3), v.get(4)))
            .toList();
  }

  /** Saves a page's violations as target/axe/{name}.json and its rows in target/axe/summary.tsv. */
  static void record(String name, List<Violation> found) {
    try {
      Files.createDirectories(REPORTS);
      Files.writeString(REPORTS.resolve(name + ".json"), Json.write(Map.of("violations", found)));
      StringBuilder rows = new StringBuilder();
      if (found.isEmpty()) {
        rows.append(name).append("\t-\t-\t0\t-\n");
      }
      for (Violation v : found) {
        rows.append(String.join("\t", name, v.id(), v.impact(), "" + v.count(), v.firstTarget()))
            .append('\n');
      }
      Files.writeString(SUMMARY, rows, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.rehearse.assessment.cohort;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A cohort's results as RFC 4180 CSV. Hand-written rather than a library: quoting is three rules,
 * and no CSV library neutralises spreadsheet formulas, which names, questions and answers typed by
 * users need (a cell starting with = + - @, tab or carriage return gets a leading apostrophe).
 */
final class ResultsCsv {
  static final List<String> HEADER =
      List.of(
          "candidate",
          "candidate_id",
          "question_id",
          "question",
          "skill",
          "machine_score",
          "reviewed_score",
          "date");

  private ResultsCsv() {}

  static String of(List<ResultRow> rows) {
    return Stream.concat(Stream.of(line(HEADER)), rows.stream().map(ResultsCsv::line))
        .collect(Collectors.joining());
  }

  private static String line(ResultRow r) {
    return line(
        List.of(
            text(r.displayName()),
            r.candidateId(),
            r.questionId(),
            text(r.questionText()),
            text(r.skillId()),
            String.valueOf(r.machineScore()),
            r.reviewedScore() == null ? "" : String.valueOf(r.reviewedScore()),
            r.createdAt().toString()));
  }

  private static String line(List<String> cells) {
    return cells.stream().map(ResultsCsv::cell).collect(Collectors.joining(",", "", "\r\n"));
  }

  /** A cell: formulas defused, then quoted when it holds a comma, quote or line break. */
  static String cell(String value) {
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}

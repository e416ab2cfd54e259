package dev.rehearse.assessment.quiz;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Classical item analysis of one quiz item. Facility: the share of responses that were correct.
 * Discrimination: the corrected point-biserial correlation between answering this item right and
 * the score on the same submission's other items (so the item does not rank itself); unlike the
 * upper/lower 27% split it needs no arbitrary tie-breaking. Both are shown once {@code
 * minResponses} responses exist; below that the item still lists its count.
 */
@Serdeable
public record ItemStats(
    String itemId,
    String skillId,
    int responses,
    @Nullable Double facility,
    @Nullable Double discrimination,
    String verdict) {

  static List<ItemStats> of(List<QuizResponse> all, int minResponses) {
    Map<java.util.UUID, List<QuizResponse>> bySubmission =
        all.stream().collect(Collectors.groupingBy(QuizResponse::submissionId));
    Map<String, List<QuizResponse>> byItem =
        all.stream().collect(Collectors.groupingBy(QuizResponse::itemId));
    List<ItemStats> out = new ArrayList<>();
    byItem.forEach(
        (itemId, responses) -> {
          int n = responses.size();
          String skill = responses.get(0).skillId();
          if (n < minResponses) {
            out.add(
                new ItemStats(
                    itemId,
                    skill,
                    n,
                    null,
                    null,
                    "needs " + (minResponses - n) + " more responses"));
            return;
          }
          double facility = share(responses);
          List<QuizResponse> withOthers =
              responses.stream()
                  .filter(r -> bySubmission.get(r.submissionId()).size() > 1)
                  .toList();
          Double discrimination =
              correlation(
                  withOthers.stream().mapToDouble(r -> r.correct() ? 1 : 0).toArray(),
                  withOthers.stream()
                      .mapToDouble(r -> restScore(r, bySubmission.get(r.submissionId())))
                      .toArray());
          out.add(
              new ItemStats(
                  itemId,
                  skill,
                  n,
                  round(facility),
                  discrimination,
                  verdict(facility, discrimination)));
        });
    out.sort(Comparator.comparing(ItemStats::itemId));
    return out;
  }

  /** The usual reading: too easy above 0.9, too hard below 0.2, weak discrimination below 0.2. */
  private static String verdict(double facility, Double discrimination) {
    if (facility > 0.9) {
      return "too easy: almost everyone answers it correctly";
    }
    if (facility < 0.2) {
      return "too hard: check the key and the wording";
    }
    if (discrimination == null) {
      return "discrimination unknown: needs submissions with more than one item that differ in score";
    }
    if (discrimination < 0) {
      return "negative discrimination: strong candidates miss it more often; check the key";
    }
    if (discrimination < 0.2) {
      return "weak discrimination: revise the distractors";
    }
    return "good";
  }

  private static double restScore(QuizResponse item, List<QuizResponse> submission) {
    long others =
        submission.stream().filter(r -> !r.itemId().equals(item.itemId()) && r.correct()).count();
    return (double) others / (submission.size() - 1);
  }

  /** Pearson correlation; null when either side does not vary. */
  private static Double correlation(double[] x, double[] y) {
    int n = x.length;
    if (n < 2) {
      return null;
    }
    double mx = java.util.Arrays.stream(x).average().orElse(0);
    double my = java.util.Arrays.stream(y).average().orElse(0);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxx == 0 || syy == 0 ? null : round(sxy / Math.sqrt(sxx * syy));
  }

  private static double share(List<QuizResponse> responses) {
    return responses.isEmpty()
        ? 0
        : (double) responses.stream().filter(QuizResponse::correct).count() / responses.size();
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}

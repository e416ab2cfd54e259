package dev.rehearse.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.assessment.catalog.CatalogQuestion;
import dev.rehearse.assessment.scoring.ScoreBreakdown.Adjustment;
import dev.rehearse.assessment.scoring.ScoreBreakdown.ConceptLine;
import dev.rehearse.assessment.scoring.ScoreResult.ConceptHit;
import dev.rehearse.assessment.scoring.ScoreResult.RaisedFlag;
import dev.rehearse.contracts.AttemptScored.Mode;
import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * "What to add next" and the score breakdown on the shipped pack's own questions: advice that the
 * answer already follows is never given, points are ranked by what they would gain and quote the
 * answer, no MISSING flag contradicts a concept found, and the breakdown adds up to the score.
 */
class FeedbackTest {
  private static final Path PACK =
      Path.of("../question-service/src/main/resources/packs/ml-infrastructure");
  private static final Map<String, CatalogQuestion> QUESTIONS = load();
  private final RubricScorer scorer = Scorers.scorer();

  @Test
  void anAnswerWithThreeNumbersIsNeverToldToAddAFigure() {
    String answer =
        "My task was to cut the latency of our chat model. We moved it to vLLM with continuous batching, and"
            + " p95 time to first token fell from 4 seconds to 600 ms while we ran on 24 GPUs instead of 48.";
    ScoreResult r = scorer.score(q("open-behav-engineer-proud-project"), answer);

    assertThat(r.redFlags()).extracting(RaisedFlag::rule).doesNotContain("no-numbers");
    assertThat(r.feedback())
        .isNotEmpty()
        .hasSizeLessThanOrEqualTo(3)
        .doesNotHaveDuplicates()
        .noneMatch(f -> f.matches("(?is).*\\b(figure|number)s?\\b.*"));
  }

  @Test
  void aBriefAnswerWithEveryConceptIsToldItsLengthNotToAddAFigureItHas() {
    String answer =
        "I would send a canary with 5% of traffic, watch p99 latency and error rate against a threshold,"
            + " and roll back to the previous version when it regresses.";
    ScoreResult r = scorer.score(q("open-serving-rollout"), answer);

    assertThat(r.conceptsMissed()).isEmpty();
    assertThat(r.breakdown().adjustments())
        .extracting(Adjustment::rule)
        .containsExactly("BRIEF_CAP");
    // the length comes first (the cap costs most); nothing asks for a figure the answer has
    assertThat(r.feedback()).hasSizeBetween(1, 3).noneMatch(f -> f.contains("figure"));
    assertThat(r.feedback().get(0))
        .startsWith("You wrote \u201cI would send a canary")
        .contains("words that carry meaning");
  }

  @Test
  void pointsAreRankedByWhatTheyWouldGainAndQuoteTheAnswer() {
    String answer =
        "I was responsible for the chat assistant, which ran on a simple Python server. My goal was to make it"
            + " answer sooner at busy hours without losing quality.";
    ScoreResult r = scorer.score(q("open-behav-engineer-proud-project"), answer);

    assertThat(r.feedback()).hasSize(3).doesNotHaveDuplicates();
    // serving techniques weigh 30, measuring and the result 25 each: the heaviest missing comes
    // first
    assertThat(r.feedback().get(0)).contains("LLM serving techniques");
    for (String line : r.feedback()) {
      assertThat(line).startsWith("You wrote \u201c");
      String quoted = line.substring(line.indexOf('\u201c') + 1, line.indexOf('\u201d'));
      assertThat(answer).contains(quoted.replace("\u2026", ""));
    }
  }

  @Test
  void anAnswerThatNamesATradeOffIsNotAskedForOne() {
    CatalogQuestion q = q("open-behav-engineer-proud-project");
    ScoreResult r = scorer.score(q, q.modelAnswer());

    assertThat(r.conceptsMissed()).isEmpty();
    assertThat(r.feedback())
        .hasSize(1)
        .noneMatch(f -> f.contains("gives up"))
        .noneMatch(f -> f.contains("add one concrete figure"));
  }

  @Test
  void aConceptFoundSilencesTheMissingFlagAboutIt() {
    CatalogQuestion q = q("open-behav-specialist-design-disagreement");
    // the trade-off concept is found by one of its own words, none of which the rule lists
    String answer =
        "He wanted tensor parallelism for the fastest run; I measured both and FSDP2 kept the model code"
            + " unchanged while spending more time on communication, so we agreed to revisit it in two months.";
    RedFlagRule tradeOffs = rule(q, "no-trade-offs");
    assertThat(
            RedFlagDetector.detect(
                List.of(tradeOffs), new AnswerText(answer), (r, at) -> at != null, List.of()))
        .as("the rule alone fires on these words")
        .isNotEmpty();

    for (ScoreResult r :
        List.of(scorer.scoreByWords(q, answer, Mode.TYPED), scorer.score(q, answer))) {
      assertThat(r.conceptsHit()).extracting(ConceptHit::concept).contains("tradeoff");
      assertThat(r.redFlags()).extracting(RaisedFlag::rule).doesNotContain("no-trade-offs");
      assertThat(r.feedback()).noneMatch(f -> f.contains(tradeOffs.title()));
    }
  }

  @Test
  void aMissingConceptAndItsFlagMakeOneLine() {
    String answer =
        "We send five percent of traffic to the new model as a canary and watch p99 latency and error rate"
            + " on a dashboard against the baseline before we move everyone over.";
    CatalogQuestion q = q("open-serving-rollout");
    ScoreResult r = scorer.score(q, answer);

    assertThat(r.redFlags()).extracting(RaisedFlag::rule).contains("no-rollback-plan");
    assertThat(r.feedback()).anyMatch(f -> f.contains("add rollback to the previous version"));
    assertThat(r.feedback())
        .noneMatch(
            f -> f.toLowerCase().contains(rule(q, "no-rollback-plan").title().toLowerCase()));
  }

  @Test
  void aClaimIsQuotedAndPricedAtItsPenalty() {
    // quantifying, profiling and the network covered: concrete fixes (20) and cost (10) are missing
    String answer =
        "We measured tokens per second per GPU: scaling efficiency fell from 95 percent on 64 GPUs to 60 percent"
            + " on 512. I ran the profiler and saw that communication took 40 percent of each step, and an NCCL"
            + " bandwidth test found one slow link and a straggler node. Before that was fixed, we just added more"
            + " GPUs to the job to meet the deadline.";
    ScoreResult r = scorer.score(q("open-scaling-efficiency"), answer);

    assertThat(r.redFlags()).extracting(RaisedFlag::rule).contains("just-more-gpus");
    assertThat(r.breakdown().adjustments()).extracting(Adjustment::rule).contains("CLAIM");
    assertThat(r.feedback())
        .anyMatch(
            f ->
                f.startsWith("You wrote \u201cwe just added more GPUs\u201d")
                    && f.contains(RubricScorer.CLAIM_PENALTY + " points"));
  }

  /**
   * On every open question and scenario of the pack, for its model answer, its first half and its
   * first sentence: the concept points add up to the coverage, the adjustments chain from the
   * coverage to the score, and no MISSING flag is raised about a concept that was found.
   */
  @Test
  void theBreakdownAddsUpAndNoFlagContradictsAConceptAcrossThePack() {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (CatalogQuestion q : QUESTIONS.values()) {
      String model = q.modelAnswer();
      for (String answer :
          List.of(model, model.substring(0, model.length() / 2), model.split("(?<=\\.)\\s")[0])) {
        ScoreResult r = scorer.score(q, answer);
        ScoreBreakdown b = r.breakdown();
        checked++;
        int sum = b.concepts().stream().mapToInt(ConceptLine::points).sum();
        if (sum != b.coverage()) {
          problems.add(q.questionId() + ": concept points " + sum + " != " + b.coverage());
        }
        int at = b.coverage();
        for (Adjustment a : b.adjustments()) {
          if (a.before() != at || a.after() - a.before() != a.points()) {
            problems.add(q.questionId() + ": adjustment " + a + " does not chain from " + at);
          }
          at = a.after();
        }
        if (at != r.score() || b.score() != r.score()) {
          problems.add(q.questionId() + ": breakdown ends at " + at + ", score " + r.score());
        }
        for (RaisedFlag f : r.redFlags()) {
          RedFlagRule rule =
              q.redFlags().stream().filter(x -> x.id().equals(f.rule())).findFirst().orElseThrow();
          for (ConceptHit h : r.conceptsHit()) {
            var concept =
                q.concepts().stream()
                    .filter(c -> c.id().equals(h.concept()))
                    .findFirst()
                    .orElseThrow();
            if (h.credit() >= Feedback.BARELY && RedFlagDetector.about(rule, concept)) {
              problems.add(q.questionId() + ": " + f.rule() + " raised beside " + h.concept());
            }
          }
        }
        if (r.feedback().isEmpty()
            || r.feedback().size() > 3
            || r.feedback().stream().distinct().count() != r.feedback().size()) {
          problems.add(q.questionId() + ": feedback " + r.feedback());
        }
      }
    }
    assertThat(checked).isGreaterThan(150);
    assertThat(problems).isEmpty();
  }

  @Test
  void aListOfTermsShowsItsCapInTheBreakdown() {
    ScoreResult r =
        scorer.score(
            q("open-serving-rollout"),
            "canary, rollback, previous version, p99, error rate, baseline");
    assertThat(r.breakdown().adjustments())
        .last()
        .satisfies(
            a -> {
              assertThat(a.rule()).isEqualTo("KEYWORD_LIST_CAP");
              assertThat(a.cap()).isEqualTo(RubricScorer.KEYWORD_LIST_CAP);
              assertThat(a.after()).isEqualTo(r.score());
            });
    assertThat(r.breakdown().bands())
        .extracting(ScoreBreakdown.BandCut::from)
        .containsExactly(0, 20, 60, 90);
  }

  private static RedFlagRule rule(CatalogQuestion q, String id) {
    return q.redFlags().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  private static CatalogQuestion q(String id) {
    return QUESTIONS.get(id);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, CatalogQuestion> load() {
    Map<String, RedFlagRule> rules =
        read("red-flags.yml").get("rules").stream()
            .map(RedFlagRulesTest::rule)
            .collect(Collectors.toMap(RedFlagRule::id, Function.identity()));
    List<Map<String, Object>> items = new ArrayList<>(read("items/open.yml").get("items"));
    for (Map<String, Object> s : read("items/scenarios.yml").get("items")) {
      Map<String, Object> q = new java.util.HashMap<>(s);
      q.put("question", ((String) s.get("situation")).trim() + "\n\n" + s.get("task"));
      q.put("modelAnswer", String.join(" ", (List<String>) s.get("steps")));
      items.add(q);
    }
    return items.stream()
        .filter(i -> i.containsKey("rubric"))
        .map(i -> EvaluationSet.question(i, rules))
        .collect(Collectors.toMap(CatalogQuestion::questionId, Function.identity()));
  }

  private static Map<String, List<Map<String, Object>>> read(String file) {
    try (Reader in = Files.newBufferedReader(PACK.resolve(file))) {
      return new Yaml().load(in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

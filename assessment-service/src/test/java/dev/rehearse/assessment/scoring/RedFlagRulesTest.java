package dev.rehearse.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.assessment.catalog.CatalogQuestion;
import dev.rehearse.assessment.scoring.ScoreResult.RaisedFlag;
import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/** Every rule of the catalogue fires on its firing answers and stays quiet on the others. */
class RedFlagRulesTest {
  private static final RubricScorer SCORER = Scorers.scorer();
  private final List<Map<String, Object>> catalogue = load();

  @Test
  void theCatalogueCoversEveryRedFlagReviewersLookFor() {
    assertThat(catalogue)
        .extracting(r -> r.get("id"))
        .contains(
            "no-rollback-plan",
            "infra-metrics-only",
            "ignores-cost",
            "skew-not-addressed",
            "no-iac-automation",
            "manual-model-deployment",
            "no-quality-monitoring",
            "divergent-preprocessing",
            "no-versioning",
            "no-access-control",
            "no-numbers",
            "no-trade-offs",
            "just-more-gpus",
            "parallelism-confusion",
            "no-failure-handling");
  }

  @TestFactory
  Stream<DynamicTest> eachRuleFiresWithEvidenceAndStaysQuietOtherwise() {
    return catalogue.stream()
        .map(
            r ->
                DynamicTest.dynamicTest(
                    r.get("id") + " fires and stays quiet",
                    () -> {
                      RedFlagRule rule = rule(r);
                      for (String answer : strings(r.get("fires"))) {
                        List<RaisedFlag> flags = flags(rule, answer);
                        assertThat(flags)
                            .as("fires on: %s", answer)
                            .singleElement()
                            .satisfies(
                                f -> {
                                  assertThat(f.rule()).isEqualTo(rule.id());
                                  assertThat(f.title()).isEqualTo(rule.title());
                                  assertThat(f.evidence()).isNotBlank();
                                  if (rule.kind() == RedFlagRule.Kind.MENTIONS) {
                                    assertThat(f.evidence())
                                        .isEqualTo(
                                            "\"" + answer.substring(f.start(), f.end()) + "\"");
                                  } else {
                                    assertThat(f.start()).isNull();
                                  }
                                });
                      }
                      for (String answer : strings(r.get("quiet"))) {
                        assertThat(flags(rule, answer)).as("quiet on: %s", answer).isEmpty();
                      }
                    }));
  }

  @Test
  void aRejectedClaimIsNotAClaim() {
    RedFlagRule gpus =
        catalogue.stream()
            .filter(r -> r.get("id").equals("just-more-gpus"))
            .map(RedFlagRulesTest::rule)
            .findFirst()
            .orElseThrow();
    String answer =
        "Rather than just adding more GPUs we profiled. Later someone just added more GPUs anyway.";
    RaisedFlag flag = flags(gpus, answer).get(0);
    assertThat(flag.evidence()).isEqualTo("\"just added more GPUs\"");
    assertThat(flag.start()).isEqualTo(answer.indexOf("just added"));
  }

  /**
   * One generic word does not clear a MISSING rule: the clause around it must be about what the
   * rule asks.
   */
  @Test
  void aGenericWordDoesNotClearAMissingRule() {
    RedFlagRule tradeOffs = named("no-trade-offs");
    assertThat(
            flags(
                tradeOffs,
                "FSDP is the best choice for us, but I really like it and it always makes training faster."))
        .extracting(RaisedFlag::rule)
        .containsExactly("no-trade-offs");
    RedFlagRule failures = named("no-failure-handling");
    assertThat(
            flags(
                failures,
                "We launch the run on 512 GPUs for three weeks; if the new model is a fail, we simply train a bigger one next quarter."))
        .extracting(RaisedFlag::rule)
        .containsExactly("no-failure-handling");
    assertThat(
            flags(
                failures,
                "We have no checkpoints and no retries, so a lost node means starting over."))
        .extracting(RaisedFlag::rule)
        .containsExactly("no-failure-handling");
  }

  private RedFlagRule named(String id) {
    return catalogue.stream()
        .filter(r -> r.get("id").equals(id))
        .map(RedFlagRulesTest::rule)
        .findFirst()
        .orElseThrow();
  }

  /** The rule applied by the scorer to an answer of a question that has only this rule. */
  private static List<RaisedFlag> flags(RedFlagRule rule, String answer) {
    CatalogQuestion q =
        new CatalogQuestion(
            "q-" + rule.id(),
            "skill",
            "Intermediate",
            "Tell us about your last project.",
            List.of(),
            List.of(rule),
            Instant.EPOCH);
    return SCORER.score(q, answer).redFlags();
  }

  static List<Map<String, Object>> load() {
    try (InputStream in = RedFlagRulesTest.class.getResourceAsStream("/evaluation/red-flags.yml")) {
      Map<String, List<Map<String, Object>>> doc = new Yaml().load(in);
      return doc.get("rules");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static RedFlagRule rule(Map<String, Object> r) {
    return new RedFlagRule(
        (String) r.get("id"),
        (String) r.get("title"),
        (String) r.get("explanation"),
        RedFlagRule.Kind.valueOf((String) r.get("kind")),
        strings(r.get("phrases")));
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object o) {
    return o == null ? List.of() : (List<String>) o;
  }
}

package dev.rehearse.question.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.question.catalog.ItemType;
import dev.rehearse.question.catalog.Level;
import dev.rehearse.question.pack.ContentPack.ItemDef;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The real ML-infrastructure pack against what the question bank promises (issue 4). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentPackTest {
  static final List<String> ROLES =
      List.of("ml-infrastructure-engineer", "ml-infrastructure-specialist", "ml-platform-engineer");

  /** Issue 13's floor per role and type. */
  static final Map<ItemType, Integer> PER_ROLE =
      Map.of(
          ItemType.OPEN, 30,
          ItemType.SCENARIO, 10,
          ItemType.QUIZ, 30,
          ItemType.VOCABULARY, 40,
          ItemType.SELF_CHECK, 20,
          ItemType.PRONUNCIATION, 50);

  static final int BEHAVIOURAL_PER_ROLE = 5;
  static final int PER_DRILL_KIND = 8;

  /** DOMAIN.md's pronunciation drill list. */
  static final List<String> DOMAIN_TERMS =
      List.of(
          "GPU",
          "TPU",
          "DDP",
          "FSDP",
          "HBM",
          "SLO",
          "RBAC",
          "IaC",
          "CKA",
          "GDPR",
          "MLOps",
          "CUDA",
          "NCCL",
          "ONNX",
          "JAX",
          "Kubernetes",
          "K8s",
          "Lustre",
          "Slurm",
          "Triton",
          "Megatron",
          "DeepSpeed",
          "PyTorch",
          "Kubeflow",
          "MLflow",
          "NVLink",
          "InfiniBand",
          "Nsight",
          "Grafana",
          "Prometheus",
          "Terraform",
          "Pulumi",
          "vLLM",
          "SGLang",
          "TensorRT",
          "Trainium");

  /** DOMAIN.md's red flags and the pack's rule for each. */
  static final Map<String, String> DOMAIN_RED_FLAGS =
      Map.of(
          "cannot explain how model version rollback works", "no-rollback-plan",
          "no monitoring beyond basic infrastructure metrics", "infra-metrics-only",
          "no thought for cost", "ignores-cost",
          "cannot describe how training/serving skew is prevented", "skew-not-addressed",
          "no infrastructure as code or automated deployment", "no-iac-automation",
          "deploys models by hand with no pipeline", "manual-model-deployment",
          "no monitoring of model quality or data quality", "no-quality-monitoring",
          "different preprocessing for training and inference", "divergent-preprocessing",
          "no version control for models or datasets", "no-versioning",
          "ignores access control for ML artifacts", "no-access-control");

  PackReader.Result result;
  ContentPack pack;

  @BeforeAll
  void read() {
    result =
        PackReader.read(PackFiles.fromClasspath("ml-infrastructure", getClass().getClassLoader()));
    pack = result.pack();
  }

  @Test
  void thePackIsValid() {
    assertThat(result.errors()).extracting(PackError::toString).isEmpty();
    assertThat(pack.roles())
        .extracting(ContentPack.RoleDef::id)
        .containsExactlyInAnyOrderElementsOf(ROLES);
  }

  @Test
  void everyRoleHasEnoughItemsOfEachType() {
    SoftAssertions soft = new SoftAssertions();
    for (String role : ROLES) {
      Map<ItemType, Long> counts = new EnumMap<>(ItemType.class);
      pack.items().stream()
          .filter(i -> i.roles().contains(role))
          .forEach(i -> counts.merge(i.type(), 1L, Long::sum));
      System.out.println("Items for " + role + ": " + counts);
      PER_ROLE.forEach(
          (type, min) ->
              soft.assertThat(counts.getOrDefault(type, 0L))
                  .as(role + " " + type)
                  .isGreaterThanOrEqualTo(min));
      soft.assertThat(
              items(ItemType.OPEN).stream()
                  .filter(i -> i.roles().contains(role) && i.tags().contains("behavioural")))
          .as(role + " behavioural open questions")
          .hasSizeGreaterThanOrEqualTo(BEHAVIOURAL_PER_ROLE);
    }
    soft.assertAll();
  }

  @Test
  void everyDrillHasAKindAndAcceptsNoneOfTheMistakesItWarnsAbout() {
    List<ItemDef> drills = items(ItemType.PRONUNCIATION);
    Map<String, Long> kinds =
        drills.stream()
            .collect(
                Collectors.groupingBy(
                    i -> String.valueOf(i.content().kind()), TreeMap::new, Collectors.counting()));
    System.out.println("Pronunciation drills by kind: " + kinds);
    assertThat(kinds.keySet()).containsExactlyInAnyOrderElementsOf(PackReader.DRILL_KINDS);
    assertThat(kinds.values())
        .allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(PER_DRILL_KIND));
    assertThat(drills)
        .allSatisfy(
            d ->
                assertThat(
                        d.content().spokenForms().stream()
                            .filter(d.content().mistakes()::contains)
                            .toList())
                    .as(d.id() + " accepts a saying it warns about")
                    .isEmpty());
    assertThat(drills)
        .filteredOn(d -> "minimal-pair".equals(d.content().kind()))
        .allSatisfy(d -> assertThat(d.content().mistakes()).as(d.id()).isNotEmpty());
  }

  @Test
  void openQuestionsHaveModelAnswersAndRubricsOfThreeToSixConceptsOrNone() {
    List<ItemDef> open = items(ItemType.OPEN);
    assertThat(open)
        .allSatisfy(
            i -> {
              assertThat(i.content().modelAnswer()).as(i.id()).isNotBlank();
              if (!i.content().rubricOrEmpty().isEmpty()) {
                assertThat(i.content().rubric()).as(i.id()).hasSizeBetween(3, 6);
              }
            });
    // without a rubric, scoring derives key points from the model answer: it must say enough
    assertThat(pack.derivedKeyPoints())
        .containsExactlyInAnyOrder(
            "open-finetune-memory-budget", "open-point-in-time-joins", "open-gpu-node-pool-sizing");
    assertThat(open)
        .filteredOn(i -> pack.derivedKeyPoints().contains(i.id()))
        .allSatisfy(
            i ->
                assertThat(i.content().modelAnswer().split("(?<=\\.) +(?=[A-Z])"))
                    .as(i.id())
                    .hasSizeBetween(4, 6));
  }

  @Test
  void fortyOrMorePronunciationTermsCoverEveryTermOfTheDomainList() {
    List<ItemDef> drills = items(ItemType.PRONUNCIATION);
    Set<String> terms =
        drills.stream()
            .map(i -> i.content().term().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    System.out.println("Pronunciation terms: " + drills.size());
    assertThat(drills).hasSizeGreaterThanOrEqualTo(40);
    assertThat(DOMAIN_TERMS.stream().map(t -> t.toLowerCase(Locale.ROOT)))
        .allSatisfy(t -> assertThat(terms).contains(t));
  }

  @Test
  void everyRedFlagOfTheDomainIsAttachedToAQuestion() {
    Set<String> attached =
        pack.items().stream()
            .flatMap(i -> i.content().redFlagsOrEmpty().stream())
            .collect(Collectors.toSet());
    DOMAIN_RED_FLAGS.forEach((flag, rule) -> assertThat(attached).as(flag).contains(rule));
  }

  @Test
  void everySubSkillHasItemsAtThreeLevelsOrMore() {
    Map<String, Set<Level>> levels = new TreeMap<>();
    pack.items()
        .forEach(i -> levels.computeIfAbsent(i.skill(), s -> new TreeSet<>()).add(i.level()));
    SoftAssertions soft = new SoftAssertions();
    pack.skills()
        .forEach(
            s ->
                soft.assertThat(levels.getOrDefault(s.id(), Set.of()))
                    .as(s.id())
                    .hasSizeGreaterThanOrEqualTo(3));
    soft.assertAll();
  }

  @Test
  void everyQuizOptionHasAnExplanationAndEveryQuizARightAnswer() {
    assertThat(items(ItemType.QUIZ))
        .allSatisfy(
            q -> {
              assertThat(q.content().options())
                  .as(q.id())
                  .allSatisfy(o -> assertThat(o.explanation()).isNotBlank());
              assertThat(q.content().options()).as(q.id()).anyMatch(o -> o.correct());
            });
  }

  /** The web app shows checkboxes for these: the wording must say so too, and only for these. */
  @Test
  void quizQuestionsAskForAllThatApplyExactlyWhenSeveralOptionsAreRight() {
    assertThat(items(ItemType.QUIZ))
        .allSatisfy(
            q ->
                assertThat(q.content().question().contains("all that apply"))
                    .as(q.id())
                    .isEqualTo(
                        q.content().options().stream()
                                .filter(o -> Boolean.TRUE.equals(o.correct()))
                                .count()
                            > 1));
  }

  @Test
  void scenariosWorkWithTheFiguresOfTheDomain() {
    String scenarios =
        items(ItemType.SCENARIO).stream()
            .map(
                s ->
                    s.content().situation()
                        + " "
                        + s.content().task()
                        + " "
                        + String.join(" ", s.content().steps()))
            .collect(Collectors.joining("\n"));
    assertThat(
            List.of(
                "45%",
                "78%",
                "500 steps",
                "70B",
                "64 A100",
                "10,000 GPU-hours",
                "140B",
                "58%",
                "74%",
                "800K",
                "12,000",
                "4,096",
                "99.9%"))
        .allSatisfy(figure -> assertThat(scenarios).contains(figure));
  }

  @Test
  void noTwoItemsAreDuplicates() {
    assertThat(pack.items()).extracting(ItemDef::id).doesNotHaveDuplicates();
    assertThat(pack.items())
        .extracting(i -> i.type() + ":" + PackReader.normalise(i.content().text(i.type())))
        .doesNotHaveDuplicates();
  }

  private List<ItemDef> items(ItemType type) {
    return pack.items().stream().filter(i -> i.type() == type).toList();
  }
}

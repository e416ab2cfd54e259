package dev.rehearse.question.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.question.catalog.ItemType;
import dev.rehearse.question.catalog.LevelDescription;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reader alone: every problem of a pack is found in one pass, with file, entry and field. */
class PackValidationTest {

  private static Map<String, String> testPack() {
    return new LinkedHashMap<>(
        PackFiles.fromClasspath("test-pack", PackValidationTest.class.getClassLoader()).files());
  }

  @Test
  void theTestPackIsValid() {
    PackReader.Result result = PackReader.read(new PackFiles(testPack()));
    assertThat(result.errors()).isEmpty();
    assertThat(result.pack().items()).hasSize(11);
    assertThat(result.pack().items().stream().filter(i -> i.type() == ItemType.QUIZ)).hasSize(2);
  }

  @Test
  void everyErrorIsListedWithFileItemAndField() {
    Map<String, String> files = testPack();
    files.put(
        "items/open.yml",
        files
            .get("items/open.yml")
            .replace(
                "redFlags: [t-no-rollback, t-manual-deploy]",
                "redFlags: [t-no-rollback, t-made-up]")
            .replace(
                "      - {id: alerts, label: Alerts, weight: 20, synonyms: [alert, threshold]}\n",
                "")
            .replace("skill: t-observability", "skill: t-cooking"));
    files.put(
        "items/quiz.yml",
        files
            .get("items/quiz.yml")
            .replace(
                "{id: a, text: Quantisation to int8, correct: true",
                "{id: a, text: Quantisation to int8, correct: false")
            .replace(
                "tags: [drift, monitoring]", "tags: [drift, monitoring]\n    difficulty: hard"));
    files.put(
        "items/vocabulary.yml",
        files
            .get("items/vocabulary.yml")
            .replace("id: t-vocab-nccl", "id: t-vocab-dynamic-batching"));
    files.put(
        "items/pronunciation.yml",
        files.get("items/pronunciation.yml").replace("saidAs: kates", "saidAs: [kates"));
    files.put(
        "items/self-check.yml",
        files
            .get("items/self-check.yml")
            .replace(
                "statement: I can explain when batch",
                "statement: no\n    x: I can explain when batch"));
    files.put("red-flags.yml", files.get("red-flags.yml").replace("kind: MENTIONS", "kind: SAYS"));
    files.remove("skills.yml");
    files.put("notes.txt", "hello");
    files.put(
        "items/scenarios.yml",
        files
            .get("items/scenarios.yml")
            .replace("id: t-scenario-gpu-utilisation", "id: T_Scenario"));

    PackReader.Result result = PackReader.read(new PackFiles(files));

    assertThat(result.pack()).isNull();
    assertThat(result.errors())
        .extracting(PackError::toString)
        .contains(
            "notes.txt: unknown file; a pack holds " + PackFiles.KNOWN,
            "skills.yml: file is missing",
            "red-flags.yml [t-manual-deploy] kind: must be one of MENTIONS, MISSING, NO_NUMBERS, not 'SAYS'",
            "roles.yml [t-serving-engineer] skills[0].skill: unknown skill 't-serving'",
            "items/open.yml [t-open-drift] rubric: needs 3 to 6 entries, has 2",
            "items/open.yml [t-open-drift] skill: unknown skill 't-cooking'",
            "items/open.yml [t-open-rollout] redFlags[1]: unknown red-flag rule 't-made-up'",
            "items/quiz.yml [t-quiz-latency] options: no option is marked correct",
            "items/quiz.yml [t-quiz-drift] difficulty: unknown field; expected one of [id, level, options, question, roles, skill, tags]",
            "items/vocabulary.yml [t-vocab-dynamic-batching] id: duplicate item id; also used in items/vocabulary.yml",
            "items/self-check.yml [t-self-batch-vs-online] statement: reads as a yes/no value (false); put the text in quotes",
            "items/scenarios.yml [items[0]] id: 'T_Scenario' is not a kebab-case id (lower-case letters, digits and single hyphens)");
    assertThat(result.errors())
        .anySatisfy(
            e -> {
              assertThat(e.file()).isEqualTo("items/pronunciation.yml");
              assertThat(e.message()).startsWith("not valid YAML").contains("line");
            });
  }

  @Test
  void anOpenItemOrScenarioWithoutARubricIsScoredOnKeyPointsDerivedFromItsModelAnswerOrSteps() {
    Map<String, String> files = testPack();
    files.put("items/open.yml", withoutRubric(files.get("items/open.yml"), "t-open-drift"));
    files.put(
        "items/scenarios.yml",
        withoutRubric(files.get("items/scenarios.yml"), "t-scenario-gpu-utilisation"));

    PackReader.Result result = PackReader.read(new PackFiles(files));

    assertThat(result.errors()).isEmpty();
    assertThat(result.pack().derivedKeyPoints())
        .containsExactly("t-scenario-gpu-utilisation", "t-open-drift");
    ContentPack.ItemDef drift =
        result.pack().items().stream()
            .filter(i -> i.id().equals("t-open-drift"))
            .findFirst()
            .orElseThrow();
    assertThat(drift.content().rubricOrEmpty()).isEmpty();
    assertThat(drift.content().modelAnswer()).startsWith("Track prediction quality");
    assertThat(PackReader.read(new PackFiles(testPack())).pack().derivedKeyPoints()).isEmpty();
  }

  @Test
  void anOpenItemWithNeitherRubricNorModelAnswerIsRefusedAndAnEmptyRubricStillIs() {
    Map<String, String> files = testPack();
    files.put(
        "items/open.yml",
        withoutRubric(files.get("items/open.yml"), "t-open-drift")
            .replaceAll("    modelAnswer: Track prediction quality.*\n", "")
            .replaceAll("    modelAnswer: Start with a canary.*\n", ""));
    files.put(
        "items/scenarios.yml",
        files
            .get("items/scenarios.yml")
            .replaceAll("(?s)    rubric:.*?(?=    redFlags)", "    rubric: []\n"));

    assertThat(PackReader.read(new PackFiles(files)).errors())
        .extracting(PackError::toString)
        .containsExactly(
            "items/scenarios.yml [t-scenario-gpu-utilisation] rubric: needs 1 to 10 entries, has 0",
            "items/open.yml [t-open-rollout] modelAnswer: is required",
            "items/open.yml [t-open-drift] modelAnswer: is required: with no rubric either, nothing says what a good answer covers");
  }

  /** The item's file with the rubric of item {@code id} taken out. */
  static String withoutRubric(String file, String id) {
    int item = file.indexOf("id: " + id);
    int start = file.indexOf("    rubric:\n", item);
    int end = file.indexOf("    redFlags:", start);
    return file.substring(0, start) + file.substring(end);
  }

  @Test
  void twoItemsThatDifferOnlyInCaseOrPunctuationAreDuplicates() {
    Map<String, String> files = testPack();
    files.put(
        "items/self-check.yml",
        files
            .get("items/self-check.yml")
            .replace(
                "I can explain data parallelism versus model parallelism.",
                "i can explain WHEN batch inference beats online inference"));
    assertThat(PackReader.read(new PackFiles(files)).errors())
        .extracting(PackError::toString)
        .containsExactly(
            "items/self-check.yml [t-self-data-vs-model-parallel] statement: duplicates item 't-self-batch-vs-online'");
  }

  @Test
  void aSkillMaySayWhatEachLevelMeansInLevelOrder() {
    var skills = PackReader.read(new PackFiles(testPack())).pack().skills();
    assertThat(skills.get(0).levels())
        .extracting(LevelDescription::level)
        .containsExactly("Beginner", "Intermediate", "Advanced", "Expert");
    assertThat(skills.get(0).levels().get(1).description())
        .isEqualTo("Runs an inference server with dynamic batching and autoscaling.");
    assertThat(skills.get(1).levels()).as("levels are optional").isEmpty();
  }

  @Test
  void skillLevelsNameEveryLevelWithTextAndNoOther() {
    Map<String, String> files = testPack();
    files.put(
        "skills.yml",
        files
            .get("skills.yml")
            .replace("Expert: Sets serving standards for many teams.", "Guru: Knows everything.")
            .replace("Advanced: Designs canary rollouts with automatic rollback.", "Advanced: ' '")
            .replace(
                "description: Metrics, drift and alerts.",
                "description: Metrics, drift and alerts.\n    levels: [Beginner, Expert]"));

    assertThat(PackReader.read(new PackFiles(files)).errors())
        .extracting(PackError::toString)
        .containsExactly(
            "skills.yml [t-serving] levels.Guru: unknown field; expected one of [Advanced, Beginner, Expert, Intermediate]",
            "skills.yml [t-serving] levels.Advanced: must not be blank",
            "skills.yml [t-serving] levels.Expert: is required",
            "skills.yml [t-observability] levels: must be a mapping of fields");
  }

  @Test
  void anItemMayOnlyPractiseASkillOfItsRoles() {
    Map<String, String> files = testPack();
    files.put(
        "items/self-check.yml",
        files
            .get("items/self-check.yml")
            .replace("roles: [t-training-specialist]", "roles: [t-serving-engineer]"));
    assertThat(PackReader.read(new PackFiles(files)).errors())
        .extracting(PackError::toString)
        .containsExactly(
            "items/self-check.yml [t-self-data-vs-model-parallel] skill: 't-training' is not a skill of role 't-serving-engineer'");
  }

  @Test
  void aDrillMayNotAcceptTheSayingItWarnsAbout() {
    Map<String, String> files = testPack();
    files.put(
        "items/pronunciation.yml",
        files
            .get("items/pronunciation.yml")
            .replace("spokenForms: [nickel]", "spokenForms: [nickel, n c c l, NCCL]")
            .replace("kind: acronym\n    mistakes: []", "kind: abbreviation\n    mistakes: [k8s]"));
    assertThat(PackReader.read(new PackFiles(files)).errors())
        .extracting(PackError::toString)
        .containsExactly(
            "items/pronunciation.yml [t-pron-nccl] spokenForms[2]: 'NCCL' must be written as heard:"
                + " lower-case words, digits as words",
            "items/pronunciation.yml [t-pron-nccl] spokenForms[1]: 'n c c l' is also listed as a"
                + " mistake; a drill cannot accept the saying it warns about",
            "items/pronunciation.yml [t-pron-k8s] kind: must be one of [acronym, silent-letters,"
                + " word-stress, minimal-pair], not 'abbreviation'",
            "items/pronunciation.yml [t-pron-k8s] mistakes[0]: 'k8s' must be written as heard:"
                + " lower-case words, digits as words");
  }
}

package dev.rehearse.question.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rehearse.contracts.QuestionPublished.QuizOption;
import dev.rehearse.contracts.QuestionPublished.RubricConcept;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;

/**
 * The type-specific part of an item, as written in the pack. Only the fields of the item's type are
 * set; the others are left out of the JSON. The answer key (rubric, model answer, scenario steps,
 * which option is right and why) is for staff and scoring: {@link #withoutKey()} is what candidates
 * see.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemContent(
    @Nullable String statement,
    @Nullable String question,
    @Nullable List<Option> options,
    @Nullable String term,
    @Nullable String definition,
    @Nullable String example,
    @Nullable List<String> collocations,
    @Nullable String situation,
    @Nullable String task,
    @Nullable List<String> steps,
    @Nullable String modelAnswer,
    @Nullable List<RubricConcept> rubric,
    @Nullable List<String> redFlags,
    @Nullable String saidAs,
    @Nullable List<String> spokenForms,
    @Nullable String stress,
    @Nullable String commonMistake,
    @Nullable String kind,
    @Nullable List<String> mistakes) {

  public static ItemContent selfCheck(String statement) {
    return new ItemContent(
        statement, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null);
  }

  /** A quiz option; {@code correct} and {@code explanation} are null in a candidate's view. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Option(
      String id, String text, @Nullable Boolean correct, @Nullable String explanation) {
    public QuizOption published() {
      return new QuizOption(id, text, Boolean.TRUE.equals(correct), explanation);
    }
  }

  public static ItemContent quiz(String question, List<Option> options) {
    return new ItemContent(
        null, question, options, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null);
  }

  public static ItemContent vocabulary(
      String term, String definition, String example, List<String> collocations) {
    return new ItemContent(
        null,
        null,
        null,
        term,
        definition,
        example,
        collocations,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  public static ItemContent scenario(
      String situation,
      String task,
      List<String> steps,
      List<RubricConcept> rubric,
      List<String> redFlags) {
    return new ItemContent(
        null, null, null, null, null, null, null, situation, task, steps, null, rubric, redFlags,
        null, null, null, null, null, null);
  }

  public static ItemContent open(
      String question, String modelAnswer, List<RubricConcept> rubric, List<String> redFlags) {
    return new ItemContent(
        null,
        question,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        modelAnswer,
        rubric,
        redFlags,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  public static ItemContent pronunciation(
      String term,
      String saidAs,
      List<String> spokenForms,
      @Nullable String stress,
      @Nullable String commonMistake,
      String kind,
      List<String> mistakes) {
    return new ItemContent(
        null,
        null,
        null,
        term,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        saidAs,
        spokenForms,
        stress,
        commonMistake,
        kind,
        mistakes);
  }

  /**
   * The item as a candidate may read it before answering: the learning content (definitions,
   * examples, spoken forms) stays, the answer key goes. Red-flag rule ids stay; their phrases are
   * dropped where the rules are resolved.
   */
  public ItemContent withoutKey() {
    List<Option> choices =
        options == null
            ? null
            : options.stream().map(o -> new Option(o.id(), o.text(), null, null)).toList();
    return new ItemContent(
        statement,
        question,
        choices,
        term,
        definition,
        example,
        collocations,
        situation,
        task,
        null,
        null,
        null,
        redFlags,
        saidAs,
        spokenForms,
        stress,
        commonMistake,
        kind,
        mistakes);
  }

  /**
   * What a candidate is shown first: the question, the statement, the situation and task, or the
   * term.
   */
  public String text(ItemType type) {
    return switch (type) {
      case SELF_CHECK -> statement;
      case QUIZ, OPEN -> question;
      case VOCABULARY, PRONUNCIATION -> term;
      case SCENARIO -> situation + "\n\n" + task;
    };
  }

  /**
   * The rest of the item that search should find, at a lower weight than the text and tags: only
   * what every reader may see. Search is open to candidates, so an indexed rubric synonym or step
   * would tell them, by which items match, what the key contains.
   */
  public String detailText() {
    List<String> parts = new ArrayList<>();
    add(parts, definition);
    add(parts, example);
    addAll(parts, collocations);
    if (options != null) {
      options.forEach(o -> parts.add(o.text()));
    }
    add(parts, saidAs);
    addAll(parts, spokenForms);
    return String.join("\n", parts);
  }

  public List<RubricConcept> rubricOrEmpty() {
    return rubric == null ? List.of() : rubric;
  }

  public List<String> redFlagsOrEmpty() {
    return redFlags == null ? List.of() : redFlags;
  }

  private static void add(List<String> parts, @Nullable String value) {
    if (value != null) {
      parts.add(value);
    }
  }

  private static void addAll(List<String> parts, @Nullable List<String> values) {
    if (values != null) {
      parts.addAll(values);
    }
  }
}

package dev.rehearse.question.pack;

import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import dev.rehearse.contracts.QuestionPublished.RubricConcept;
import dev.rehearse.question.catalog.ItemContent;
import dev.rehearse.question.catalog.ItemType;
import dev.rehearse.question.catalog.Level;
import dev.rehearse.question.catalog.LevelDescription;
import dev.rehearse.question.catalog.RoleSkill;
import dev.rehearse.question.pack.ContentPack.ItemDef;
import dev.rehearse.question.pack.ContentPack.RoleDef;
import dev.rehearse.question.pack.ContentPack.SkillDef;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and validates a pack's files. Reading never stops at the first problem: the result lists
 * every error with its file, entry and field, and carries a pack only when there are none.
 */
public final class PackReader {
  private static final Set<String> COMMON = Set.of("id", "roles", "skill", "level", "tags");
  private static final Map<ItemType, Set<String>> TYPE_FIELDS =
      Map.of(
          ItemType.SELF_CHECK, Set.of("statement"),
          ItemType.QUIZ, Set.of("question", "options"),
          ItemType.VOCABULARY, Set.of("term", "definition", "example", "collocations"),
          ItemType.SCENARIO, Set.of("situation", "task", "steps", "rubric", "redFlags"),
          ItemType.OPEN, Set.of("question", "modelAnswer", "rubric", "redFlags"),
          ItemType.PRONUNCIATION,
              Set.of(
                  "term", "saidAs", "spokenForms", "stress", "commonMistake", "kind", "mistakes"));

  /** The hub's four kinds of pronunciation drill. */
  static final List<String> DRILL_KINDS =
      List.of("acronym", "silent-letters", "word-stress", "minimal-pair");

  /** A spoken form as a recogniser hears it: lower-case words, digits written as words. */
  private static final Pattern SPOKEN = Pattern.compile("[a-z']+( [a-z']+)*");

  /** What reading found: a pack when there are no errors. */
  public record Result(@Nullable ContentPack pack, List<PackError> errors) {
    public ContentPack orThrow() {
      if (!errors.isEmpty()) {
        throw new PackRejectedException(errors);
      }
      return pack;
    }
  }

  private final PackFiles files;
  private final List<PackError> errors = new ArrayList<>();
  private final Map<String, SkillDef> skills = new LinkedHashMap<>();
  private final Map<String, RoleDef> roles = new LinkedHashMap<>();
  private final Map<String, RedFlagRule> rules = new LinkedHashMap<>();
  private final Map<String, String> itemFiles = new HashMap<>();
  private final Map<String, String> itemTexts = new HashMap<>();
  private final List<ItemDef> items = new ArrayList<>();

  private PackReader(PackFiles files) {
    this.files = files;
  }

  public static Result read(PackFiles files) {
    return new PackReader(files).run();
  }

  private Result run() {
    files.files().keySet().stream()
        .filter(name -> !PackFiles.KNOWN.contains(name))
        .sorted()
        .forEach(
            name ->
                errors.add(
                    new PackError(
                        name, null, null, "unknown file; a pack holds " + PackFiles.KNOWN)));
    YamlFields header = document(PackFiles.PACK, null);
    String id = null;
    Integer version = null;
    String title = null;
    String description = null;
    if (header != null) {
      header.allow(Set.of("id", "version", "title", "description"));
      id = header.id("id");
      version = header.integer("version", 1, 1_000_000);
      title = header.text("title");
      description = header.text("description");
    }
    readSkills();
    readRules();
    readRoles();
    for (ItemType type : ItemType.values()) {
      YamlFields doc = document(type.file(), "items");
      if (doc != null) {
        doc.entries("items", 0).forEach(entry -> readItem(type, entry));
      }
    }
    if (!errors.isEmpty()) {
      return new Result(null, List.copyOf(errors));
    }
    return new Result(
        new ContentPack(
            id,
            version,
            title,
            description,
            List.copyOf(skills.values()),
            List.copyOf(roles.values()),
            List.copyOf(rules.values()),
            List.copyOf(items)),
        List.of());
  }

  /**
   * Parses one file; {@code key} is its single top-level key (null for pack.yml), item files may be
   * absent.
   */
  private @Nullable YamlFields document(String name, @Nullable String key) {
    String text = files.files().get(name);
    boolean optional = "items".equals(key);
    if (text == null) {
      if (!optional) {
        errors.add(new PackError(name, null, null, "file is missing"));
      }
      return null;
    }
    Object parsed;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      parsed = new Yaml(new SafeConstructor(options)).load(text);
    } catch (MarkedYAMLException e) {
      errors.add(
          new PackError(
              name,
              null,
              null,
              "not valid YAML: "
                  + e.getProblem()
                  + (e.getProblemMark() == null
                      ? ""
                      : " at line "
                          + (e.getProblemMark().getLine() + 1)
                          + ", column "
                          + (e.getProblemMark().getColumn() + 1))));
      return null;
    } catch (YAMLException e) {
      errors.add(new PackError(name, null, null, "not valid YAML: " + e.getMessage()));
      return null;
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      errors.add(
          new PackError(
              name,
              null,
              null,
              parsed == null
                  ? "file is empty"
                  : "must be a mapping" + (key == null ? "" : " with the key '" + key + "'")));
      return null;
    }
    YamlFields doc = new YamlFields(map, name, null, "", errors);
    if (key != null) {
      doc.allow(Set.of(key));
    }
    return doc;
  }

  private void readSkills() {
    YamlFields doc = document(PackFiles.SKILLS, "skills");
    if (doc == null) {
      return;
    }
    for (YamlFields f : doc.entries("skills", 1)) {
      f.allow(Set.of("id", "title", "description", "levels"));
      String id = f.id("id");
      if (id != null) {
        f.identify(id);
      }
      String title = f.text("title");
      String description = f.text("description");
      List<LevelDescription> levels = skillLevels(f);
      if (id != null) {
        if (skills.containsKey(id)) {
          f.error("id", "duplicate skill id");
        } else {
          skills.put(id, new SkillDef(id, title, description, levels));
        }
      }
    }
  }

  /**
   * What each proficiency level means for a skill. Optional, but a skill that says it says it for
   * every level: the self-assessment page shows all four side by side.
   */
  private static List<LevelDescription> skillLevels(YamlFields f) {
    if (!f.has("levels")) {
      return List.of();
    }
    YamlFields levels = f.mapping("levels");
    if (levels == null) {
      return List.of();
    }
    levels.allow(Level.LABELS);
    List<LevelDescription> out = new ArrayList<>();
    for (Level level : Level.values()) {
      String text = levels.text(level.label());
      if (text != null) {
        out.add(new LevelDescription(level.label(), text));
      }
    }
    return out;
  }

  private void readRules() {
    YamlFields doc = document(PackFiles.RED_FLAGS, "rules");
    if (doc == null) {
      return;
    }
    for (YamlFields f : doc.entries("rules", 0)) {
      f.allow(Set.of("id", "title", "explanation", "kind", "phrases"));
      String id = f.id("id");
      if (id != null) {
        f.identify(id);
      }
      String title = f.text("title");
      String explanation = f.text("explanation");
      String kindText = f.text("kind");
      RedFlagRule.Kind kind = null;
      if (kindText != null) {
        kind =
            Stream.of(RedFlagRule.Kind.values())
                .filter(k -> k.name().equals(kindText))
                .findFirst()
                .orElse(null);
        if (kind == null) {
          f.error("kind", "must be one of MENTIONS, MISSING, NO_NUMBERS, not '" + kindText + "'");
        }
      }
      // MENTIONS and MISSING look for phrases; NO_NUMBERS needs none
      List<String> phrases =
          f.strings(
              "phrases",
              kind != RedFlagRule.Kind.NO_NUMBERS,
              kind == RedFlagRule.Kind.NO_NUMBERS ? 0 : 1);
      if (id != null) {
        if (rules.containsKey(id)) {
          f.error("id", "duplicate rule id");
        } else {
          rules.put(id, new RedFlagRule(id, title, explanation, kind, phrases));
        }
      }
    }
  }

  private void readRoles() {
    YamlFields doc = document(PackFiles.ROLES, "roles");
    if (doc == null) {
      return;
    }
    for (YamlFields f : doc.entries("roles", 1)) {
      f.allow(Set.of("id", "title", "focus", "skills"));
      String id = f.id("id");
      if (id != null) {
        f.identify(id);
      }
      String title = f.text("title");
      String focus = f.text("focus");
      List<RoleSkill> weights = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      List<YamlFields> entries = f.mappings("skills", 1, Integer.MAX_VALUE);
      boolean complete = true;
      for (YamlFields s : entries) {
        s.allow(Set.of("skill", "weight"));
        String skill = s.text("skill");
        Integer weight = s.integer("weight", 1, 100);
        if (skill != null && !skills.containsKey(skill)) {
          s.error("skill", "unknown skill '" + skill + "'");
        } else if (skill != null && !seen.add(skill)) {
          s.error("skill", "skill '" + skill + "' is listed twice");
        }
        if (skill == null || weight == null) {
          complete = false;
        } else {
          weights.add(new RoleSkill(skill, weight));
        }
      }
      int sum = weights.stream().mapToInt(RoleSkill::weight).sum();
      if (complete && !entries.isEmpty() && sum != 100) {
        f.error("skills", "weights sum to " + sum + "; they must sum to 100");
      }
      if (id != null) {
        if (roles.containsKey(id)) {
          f.error("id", "duplicate role id");
        } else {
          roles.put(id, new RoleDef(id, title, focus, weights));
        }
      }
    }
  }

  private void readItem(ItemType type, YamlFields f) {
    int errorsBefore = errors.size();
    String file = type.file();
    String id = f.id("id");
    if (id != null) {
      f.identify(id);
      String first = itemFiles.putIfAbsent(id, file);
      if (first != null) {
        f.error("id", "duplicate item id; also used in " + first);
      }
    }
    f.allow(
        Stream.concat(COMMON.stream(), TYPE_FIELDS.get(type).stream()).collect(Collectors.toSet()));
    List<String> itemRoles = f.strings("roles", true, 1);
    String skill = f.text("skill");
    if (skill != null && !skills.containsKey(skill)) {
      f.error("skill", "unknown skill '" + skill + "'");
    }
    for (int i = 0; i < itemRoles.size(); i++) {
      RoleDef role = roles.get(itemRoles.get(i));
      if (role == null) {
        f.error("roles[" + i + "]", "unknown role '" + itemRoles.get(i) + "'");
      } else if (skill != null
          && skills.containsKey(skill)
          && role.skills().stream().noneMatch(s -> s.skill().equals(skill))) {
        f.error("skill", "'" + skill + "' is not a skill of role '" + role.id() + "'");
      }
    }
    String levelText = f.text("level");
    Level level = levelText == null ? null : Level.parse(levelText).orElse(null);
    if (levelText != null && level == null) {
      f.error("level", "must be one of " + Level.NAMES + ", not '" + levelText + "'");
    }
    List<String> tags = f.strings("tags", true, 0);
    ItemContent content =
        switch (type) {
          case SELF_CHECK -> ItemContent.selfCheck(f.text("statement"));
          case QUIZ -> ItemContent.quiz(f.text("question"), options(f));
          case VOCABULARY ->
              ItemContent.vocabulary(
                  f.text("term"),
                  f.text("definition"),
                  f.text("example"),
                  f.strings("collocations", true, 1));
          case SCENARIO ->
              ItemContent.scenario(
                  f.text("situation"),
                  f.text("task"),
                  f.strings("steps", true, 1),
                  rubric(f, 1, 10),
                  redFlags(f));
          case OPEN ->
              ItemContent.open(f.text("question"), modelAnswer(f), rubric(f, 3, 6), redFlags(f));
          case PRONUNCIATION ->
              ItemContent.pronunciation(
                  f.text("term"),
                  f.text("saidAs"),
                  f.strings("spokenForms", true, 1),
                  f.optionalText("stress"),
                  f.optionalText("commonMistake"),
                  f.optionalText("kind"),
                  f.strings("mistakes", false, 0));
        };
    if (type == ItemType.PRONUNCIATION) {
      checkDrill(f, content);
    }
    if (errors.size() > errorsBefore) {
      return;
    }
    String key = type + ":" + normalise(content.text(type));
    String twin = itemTexts.putIfAbsent(key, id);
    if (twin != null) {
      f.error(mainField(type), "duplicates item '" + twin + "'");
      return;
    }
    items.add(new ItemDef(id, type, itemRoles, skill, level, tags, content));
  }

  private List<ItemContent.Option> options(YamlFields f) {
    List<ItemContent.Option> options = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    List<YamlFields> entries = f.mappings("options", 2, 8);
    for (YamlFields o : entries) {
      o.allow(Set.of("id", "text", "correct", "explanation"));
      String id = o.text("id");
      if (id != null && !ids.add(id)) {
        o.error("id", "duplicate option id '" + id + "'");
      }
      ItemContent.Option option =
          new ItemContent.Option(
              id, o.text("text"), Boolean.TRUE.equals(o.bool("correct")), o.text("explanation"));
      options.add(option);
    }
    if (!entries.isEmpty() && options.stream().noneMatch(o -> o.correct())) {
      f.error("options", "no option is marked correct");
    }
    return options;
  }

  /**
   * An OPEN item always needs its model answer; without a rubric, scoring derives the key points
   * from it.
   */
  private static @Nullable String modelAnswer(YamlFields f) {
    if (f.has("rubric") || f.has("modelAnswer")) {
      return f.text("modelAnswer");
    }
    f.error(
        "modelAnswer",
        "is required: with no rubric either, nothing says what a good answer covers");
    return null;
  }

  /**
   * An OPEN or SCENARIO item may leave the rubric out (not give an empty one): scoring then derives
   * key points from its model answer or steps, which the item must have anyway.
   */
  private List<RubricConcept> rubric(YamlFields f, int min, int max) {
    if (!f.has("rubric")) {
      return List.of();
    }
    List<RubricConcept> concepts = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (YamlFields c : f.mappings("rubric", min, max)) {
      c.allow(Set.of("id", "label", "weight", "synonyms"));
      String id = c.id("id");
      if (id != null && !ids.add(id)) {
        c.error("id", "duplicate concept id '" + id + "'");
      }
      Integer weight = c.integer("weight", 1, 100);
      concepts.add(
          new RubricConcept(
              id, c.text("label"), weight == null ? 0 : weight, c.strings("synonyms", false, 0)));
    }
    return concepts;
  }

  private List<String> redFlags(YamlFields f) {
    List<String> ids = f.strings("redFlags", false, 0);
    for (int i = 0; i < ids.size(); i++) {
      if (!rules.containsKey(ids.get(i))) {
        f.error("redFlags[" + i + "]", "unknown red-flag rule '" + ids.get(i) + "'");
      }
    }
    return ids;
  }

  /**
   * A drill must be able to tell a mistake from a right saying: forms are written as heard, and no
   * accepted form is one of the mistakes the item warns about.
   */
  private static void checkDrill(YamlFields f, ItemContent drill) {
    if (drill.kind() != null && !DRILL_KINDS.contains(drill.kind())) {
      f.error("kind", "must be one of " + DRILL_KINDS + ", not '" + drill.kind() + "'");
    }
    for (String field : List.of("spokenForms", "mistakes")) {
      List<String> forms = field.equals("mistakes") ? drill.mistakes() : drill.spokenForms();
      for (int i = 0; i < forms.size(); i++) {
        if (!SPOKEN.matcher(forms.get(i)).matches()) {
          f.error(
              field + "[" + i + "]",
              "'" + forms.get(i) + "' must be written as heard: lower-case words, digits as words");
        }
      }
    }
    for (int i = 0; i < drill.spokenForms().size(); i++) {
      if (drill.mistakes().contains(drill.spokenForms().get(i))) {
        f.error(
            "spokenForms[" + i + "]",
            "'"
                + drill.spokenForms().get(i)
                + "' is also listed as a mistake; a drill cannot accept"
                + " the saying it warns about");
      }
    }
  }

  private static String mainField(ItemType type) {
    return switch (type) {
      case SELF_CHECK -> "statement";
      case QUIZ, OPEN -> "question";
      case VOCABULARY, PRONUNCIATION -> "term";
      case SCENARIO -> "situation";
    };
  }

  /** Two items are duplicates when their texts differ only in case, spacing or punctuation. */
  static String normalise(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}

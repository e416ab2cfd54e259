package dev.rehearse.question.pack;

import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import dev.rehearse.contracts.Topics;
import dev.rehearse.platform.outbox.Outbox;
import dev.rehearse.platform.problem.ProblemException;
import dev.rehearse.question.catalog.CatalogEvents;
import dev.rehearse.question.catalog.Item;
import dev.rehearse.question.catalog.ItemRepository;
import dev.rehearse.question.catalog.RedFlag;
import dev.rehearse.question.catalog.RedFlagRepository;
import dev.rehearse.question.catalog.Role;
import dev.rehearse.question.catalog.RoleRepository;
import dev.rehearse.question.catalog.RoleSkill;
import dev.rehearse.question.catalog.Skill;
import dev.rehearse.question.catalog.SkillRepository;
import dev.rehearse.question.pack.ContentPack.ItemDef;
import dev.rehearse.question.pack.ImportResult.Outcome;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Stores a validated pack in one transaction together with its catalog events: new and changed
 * items are published, removed ones retired with a tombstone, and a version already imported
 * changes nothing.
 */
@Singleton
public class PackImporter {
  private final StoredPackRepository packs;
  private final SkillRepository skills;
  private final RoleRepository roles;
  private final RedFlagRepository rules;
  private final ItemRepository items;
  private final Outbox outbox;
  private final ObjectMapper json;

  public PackImporter(
      StoredPackRepository packs,
      SkillRepository skills,
      RoleRepository roles,
      RedFlagRepository rules,
      ItemRepository items,
      Outbox outbox,
      ObjectMapper json) {
    this.packs = packs;
    this.skills = skills;
    this.roles = roles;
    this.rules = rules;
    this.items = items;
    this.outbox = outbox;
    this.json = json;
  }

  @Transactional
  public ImportResult importPack(ContentPack pack) {
    packs.lock(pack.id());
    String checksum = sha256(toJson(pack));
    Optional<StoredPack> stored = packs.findById(pack.id());
    if (stored.isPresent()) {
      StoredPack s = stored.get();
      if (s.version() == pack.version() && s.checksum().equals(checksum)) {
        int active = (int) items.findByPackId(pack.id()).stream().filter(i -> !i.retired()).count();
        return new ImportResult(
            pack.id(),
            pack.version(),
            Outcome.UNCHANGED,
            0,
            0,
            0,
            active,
            0,
            pack.derivedKeyPoints());
      }
      if (s.version() >= pack.version()) {
        throw new ProblemException(
            HttpStatus.CONFLICT,
            "version",
            s.version() == pack.version()
                ? "version "
                    + s.version()
                    + " of pack '"
                    + pack.id()
                    + "' is already imported with other content; raise the version"
                : "pack '"
                    + pack.id()
                    + "' is at version "
                    + s.version()
                    + "; version "
                    + pack.version()
                    + " is older");
      }
    }
    checkOwnership(pack);
    Instant now = Instant.now();
    StoredPack row =
        new StoredPack(pack.id(), pack.version(), pack.title(), pack.description(), checksum, now);
    if (stored.isPresent()) {
      packs.update(row);
    } else {
      packs.save(row);
    }
    sync(
        skills,
        skills.findByPackId(pack.id()),
        Skill::id,
        pack.skills().stream()
            .map(s -> new Skill(s.id(), pack.id(), s.title(), s.description(), s.levels()))
            .toList());
    sync(
        rules,
        rules.findByPackId(pack.id()),
        RedFlag::id,
        pack.rules().stream().map(r -> RedFlag.of(pack.id(), r)).toList());
    sync(
        roles,
        roles.findByPackId(pack.id()),
        Role::id,
        pack.roles().stream()
            .map(r -> new Role(r.id(), pack.id(), r.title(), r.focus(), r.skills()))
            .toList());
    return syncItems(pack, now, stored.isPresent() ? Outcome.UPDATED : Outcome.IMPORTED);
  }

  private ImportResult syncItems(ContentPack pack, Instant now, Outcome outcome) {
    Map<String, RedFlagRule> ruleById =
        pack.rules().stream().collect(Collectors.toMap(RedFlagRule::id, r -> r));
    Map<String, Item> existing =
        items.findByPackId(pack.id()).stream()
            .collect(Collectors.toMap(Item::id, i -> i, (a, b) -> a, LinkedHashMap::new));
    List<Item> inserts = new ArrayList<>();
    List<Item> updates = new ArrayList<>();
    List<Item> toPublish = new ArrayList<>();
    List<Item> unpublished = new ArrayList<>();
    int unchanged = 0;
    for (ItemDef def : pack.items()) {
      Item item = toItem(pack.id(), def, ruleById, now);
      Item old = existing.remove(def.id());
      if (old == null) {
        inserts.add(item);
      } else if (old.retired() || !old.contentHash().equals(item.contentHash())) {
        updates.add(item);
        if (!old.retired() && old.type().published() && !item.type().published()) {
          unpublished.add(item); // became vocabulary: consumers must forget the question
        }
      } else {
        unchanged++;
        continue;
      }
      if (item.type().published()) {
        toPublish.add(item);
      }
    }
    List<Item> retired =
        existing.values().stream().filter(i -> !i.retired()).map(i -> i.retire(now)).toList();
    items.saveAll(inserts);
    items.updateAll(updates);
    items.updateAll(retired);
    Map<String, Map<String, Integer>> skillWeights =
        pack.roles().stream()
            .collect(
                Collectors.toMap(
                    ContentPack.RoleDef::id,
                    r ->
                        r.skills().stream()
                            .collect(Collectors.toMap(RoleSkill::skill, RoleSkill::weight))));
    toPublish.forEach(
        i ->
            outbox.publish(
                Topics.CATALOG_QUESTIONS,
                i.id(),
                CatalogEvents.published(i, ruleById, skillWeights)));
    Stream.concat(retired.stream().filter(i -> i.type().published()), unpublished.stream())
        .forEach(i -> outbox.publishTombstone(Topics.CATALOG_QUESTIONS, i.id()));
    return new ImportResult(
        pack.id(),
        pack.version(),
        outcome,
        inserts.size(),
        updates.size(),
        retired.size(),
        unchanged,
        toPublish.size(),
        pack.derivedKeyPoints());
  }

  private Item toItem(String packId, ItemDef def, Map<String, RedFlagRule> rules, Instant now) {
    // the hash covers the rules an item raises, so a changed rule republishes the items using it
    List<RedFlagRule> flags = def.content().redFlagsOrEmpty().stream().map(rules::get).toList();
    String hash = sha256(toJson(def) + toJson(flags));
    return new Item(
        def.id(),
        packId,
        def.type(),
        def.roles(),
        def.skill(),
        def.level().label(),
        def.level().rank(),
        def.tags(),
        def.content().text(def.type()),
        String.join(" ", def.tags()),
        def.content().detailText(),
        def.content(),
        hash,
        now,
        null);
  }

  /**
   * Ids are global (item ids key the catalog topic): a pack may not take over another pack's
   * entries.
   */
  private void checkOwnership(ContentPack pack) {
    List<PackError> errors = new ArrayList<>();
    owned(
        taken(
            ids(pack.skills(), ContentPack.SkillDef::id),
            pack.id(),
            skills::findByIdInAndPackIdNotEqual),
        Skill::id,
        Skill::packId,
        s -> PackFiles.SKILLS,
        errors);
    owned(
        taken(
            ids(pack.roles(), ContentPack.RoleDef::id),
            pack.id(),
            roles::findByIdInAndPackIdNotEqual),
        Role::id,
        Role::packId,
        r -> PackFiles.ROLES,
        errors);
    owned(
        taken(ids(pack.rules(), RedFlagRule::id), pack.id(), rules::findByIdInAndPackIdNotEqual),
        RedFlag::id,
        RedFlag::packId,
        r -> PackFiles.RED_FLAGS,
        errors);
    Map<String, String> itemFiles =
        pack.items().stream().collect(Collectors.toMap(ItemDef::id, d -> d.type().file()));
    owned(
        taken(itemFiles.keySet(), pack.id(), items::findByIdInAndPackIdNotEqual),
        Item::id,
        Item::packId,
        i -> itemFiles.get(i.id()),
        errors);
    if (!errors.isEmpty()) {
      throw new PackRejectedException(errors);
    }
  }

  private static <T> Set<String> ids(List<T> defs, Function<T, String> id) {
    return defs.stream().map(id).collect(Collectors.toSet());
  }

  private static <T> List<T> taken(
      Set<String> ids, String packId, BiFunction<Set<String>, String, List<T>> query) {
    return ids.isEmpty() ? List.of() : query.apply(ids, packId);
  }

  private static <T> void owned(
      List<T> taken,
      Function<T, String> id,
      Function<T, String> pack,
      Function<T, String> file,
      List<PackError> errors) {
    taken.forEach(
        t ->
            errors.add(
                new PackError(
                    file.apply(t),
                    id.apply(t),
                    "id",
                    "already belongs to pack '" + pack.apply(t) + "'")));
  }

  /** Inserts new rows, updates kept ones and deletes those the pack no longer has. */
  private static <T> void sync(
      CrudRepository<T, String> repository,
      List<T> current,
      Function<T, String> id,
      List<T> wanted) {
    Set<String> currentIds = current.stream().map(id).collect(Collectors.toSet());
    Set<String> wantedIds = wanted.stream().map(id).collect(Collectors.toSet());
    repository.deleteAll(current.stream().filter(t -> !wantedIds.contains(id.apply(t))).toList());
    repository.updateAll(wanted.stream().filter(t -> currentIds.contains(id.apply(t))).toList());
    repository.saveAll(wanted.stream().filter(t -> !currentIds.contains(id.apply(t))).toList());
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.rehearse.question.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rehearse.contracts.QuestionPublished;
import dev.rehearse.contracts.Topics;
import dev.rehearse.question.QuestionTestBase;
import dev.rehearse.question.catalog.ItemRepository;
import dev.rehearse.question.catalog.LevelDescription;
import dev.rehearse.question.catalog.QuestionDetail;
import dev.rehearse.question.catalog.RoleViews.RoleDetail;
import dev.rehearse.question.pack.ContentPack.ItemDef;
import dev.rehearse.question.pack.ImportResult.Outcome;
import dev.rehearse.testsupport.GatewayTokens;
import dev.rehearse.testsupport.KafkaProbe;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@MicronautTest
class PackImportTest extends QuestionTestBase {
  @Inject DataSource dataSource;
  @Inject ItemRepository items;

  @Test
  void startUpPackIsPublishedOnTheCatalogTopicWithWhatConsumersNeed() {
    try (KafkaProbe probe = new KafkaProbe(Topics.CATALOG_QUESTIONS)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(probe.records(r -> r.key().startsWith("t-")))
                      .hasSizeGreaterThanOrEqualTo(9));
      QuestionPublished open = latest(probe, "t-open-rollout");
      assertThat(open.type()).isEqualTo("OPEN");
      assertThat(open.roleIds()).containsExactly("t-serving-engineer");
      assertThat(open.concepts())
          .extracting(QuestionPublished.RubricConcept::id)
          .containsExactly("canary", "rollback", "monitoring");
      assertThat(open.redFlags())
          .extracting(QuestionPublished.RedFlagRule::title)
          .containsExactly("No rollback plan", "Manual deployment");
      assertThat(latest(probe, "t-quiz-latency").options())
          .extracting(QuestionPublished.QuizOption::correct)
          .containsExactly(true, false);
      assertThat(latest(probe, "t-pron-nccl").pronunciation().spokenForms())
          .containsExactly("nickel");
      assertThat(latest(probe, "t-self-batch-vs-online").text())
          .startsWith("I can explain when batch inference");
      assertThat(latest(probe, "t-scenario-gpu-utilisation").text())
          .contains("58% average")
          .contains("Propose how");
      assertThat(probe.records(r -> r.key().startsWith("t-vocab-"))).isEmpty();
    }
  }

  @Test
  void aPackSentAsJsonIsImportedAndReimportingTheSameVersionIsANoOp() throws SQLException {
    ImportResult first = importJson(renamedPack("imp-a", "ia", 1));
    assertThat(first.outcome()).isEqualTo(Outcome.IMPORTED);
    assertThat(first.added()).isEqualTo(11);
    assertThat(first.published()).isEqualTo(9);
    assertThat(
            http.toBlocking()
                .retrieve(HttpRequest.GET("/api/questions/ia-open-rollout"), QuestionDetail.class)
                .roles())
        .containsExactly("ia-serving-engineer");
    long outboxRows = outboxRows("ia-");

    ImportResult again = importJson(renamedPack("imp-a", "ia", 1));

    assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(again.unchanged()).isEqualTo(11);
    assertThat(again.published()).isZero();
    assertThat(outboxRows("ia-")).isEqualTo(outboxRows).isEqualTo(9);
  }

  @Test
  void aNewVersionUpdatesChangedItemsAndRetiresRemovedOnesWithATombstone() {
    importJson(renamedPack("imp-b", "ib", 1));
    Map<String, String> v2 = renamedPack("imp-b", "ib", 2);
    v2.put(
        "items/open.yml",
        v2.get("items/open.yml").replace("How would you roll out", "How would you release"));
    v2.put(
        "items/quiz.yml",
        v2.get("items/quiz.yml")
            .substring(0, v2.get("items/quiz.yml").indexOf("  - id: ib-quiz-drift")));

    ImportResult result = importJson(v2);

    assertThat(result.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(
            List.of(
                result.added(),
                result.changed(),
                result.retired(),
                result.unchanged(),
                result.published()))
        .containsExactly(0, 1, 1, 9, 1);
    assertProblem(HttpRequest.GET("/api/questions/ib-quiz-drift"), 404, "id");
    assertThat(
            http.toBlocking()
                .retrieve(HttpRequest.GET("/api/questions/ib-open-rollout"), QuestionDetail.class)
                .text())
        .startsWith("How would you release");
    try (KafkaProbe probe = new KafkaProbe(Topics.CATALOG_QUESTIONS)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(probe.records(r -> r.key().equals("ib-quiz-drift")))
                    .extracting(ConsumerRecord::value)
                    .hasSize(2)
                    .last()
                    .isNull();
                assertThat(latest(probe, "ib-open-rollout").text())
                    .startsWith("How would you release");
              });
      // a consumer starting from scratch folds the compacted topic into exactly the live catalog
      Map<String, String> folded = new TreeMap<>();
      probe
          .records(r -> r.key().startsWith("ib-"))
          .forEach(
              r -> {
                if (r.value() == null) {
                  folded.remove(r.key());
                } else {
                  folded.put(r.key(), fromJson(r.value(), QuestionPublished.class).text());
                }
              });
      Map<String, String> live = new TreeMap<>();
      items.findByPackId("imp-b").stream()
          .filter(i -> !i.retired() && i.type().published())
          .forEach(i -> live.put(i.id(), i.text()));
      assertThat(folded).hasSize(8).isEqualTo(live);
    }
  }

  /**
   * The shipped pack upgrades the last release's (version 3, kept as the zip an admin would have
   * uploaded): changed items are republished, removed ones retired with a tombstone, new ones
   * added. Only this test imports the ml-infrastructure pack.
   */
  @Test
  void theMlInfrastructurePackUpgradesTheLastRelease() throws IOException {
    byte[] release;
    try (var in = getClass().getResourceAsStream("/packs/ml-infrastructure-v3.zip")) {
      release = in.readAllBytes();
    }
    ContentPack before = PackReader.read(PackArchive.unzip(release)).orThrow();
    var files = PackFiles.fromClasspath("ml-infrastructure", getClass().getClassLoader()).files();
    ContentPack after = PackReader.read(new PackFiles(files)).orThrow();
    assertThat(before.version()).isLessThan(after.version());
    Map<String, ItemDef> old = byId(before);
    Map<String, ItemDef> now = byId(after);
    List<String> removed = old.keySet().stream().filter(id -> !now.containsKey(id)).toList();
    List<String> added = now.keySet().stream().filter(id -> !old.containsKey(id)).toList();
    List<String> reworded =
        now.values().stream()
            .filter(i -> i.type().published() && old.containsKey(i.id()))
            .filter(i -> !text(i).equals(text(old.get(i.id()))))
            .map(ItemDef::id)
            .toList();
    assertThat(reworded).as("items whose text the new version changes").isNotEmpty();
    // the StatefulSet quiz now asks for a training job; its old id named the wrong answer
    assertThat(removed).contains("quiz-k8s-stateful-training");

    ImportResult first =
        http.toBlocking()
            .retrieve(
                asAdmin(
                    HttpRequest.POST("/api/admin/packs", release).contentType("application/zip")),
                ImportResult.class);
    assertThat(first.outcome()).isEqualTo(Outcome.IMPORTED);
    ImportResult upgrade = importJson(files);

    assertThat(upgrade.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(upgrade.added()).isEqualTo(added.size());
    assertThat(upgrade.retired()).isEqualTo(removed.size());
    assertThat(upgrade.changed()).isGreaterThanOrEqualTo(reworded.size());
    assertThat(upgrade.changed() + upgrade.unchanged()).isEqualTo(now.size() - added.size());
    assertThat(importJson(files).outcome()).isEqualTo(Outcome.UNCHANGED);
    try (KafkaProbe probe = new KafkaProbe(Topics.CATALOG_QUESTIONS)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                for (String id : removed) {
                  if (old.get(id).type().published()) {
                    assertThat(probe.records(r -> r.key().equals(id)))
                        .as("tombstone of " + id)
                        .last()
                        .extracting(ConsumerRecord::value)
                        .isNull();
                  }
                }
                for (String id : reworded) {
                  assertThat(latest(probe, id).text()).isEqualTo(text(now.get(id)));
                }
              });
    }
    for (String id : removed) {
      assertProblem(HttpRequest.GET("/api/questions/" + id), 404, "id");
    }
    for (String role :
        List.of(
            "ml-infrastructure-engineer", "ml-infrastructure-specialist", "ml-platform-engineer")) {
      assertThat(
              http.toBlocking()
                  .retrieve(HttpRequest.GET("/api/roles/" + role), RoleDetail.class)
                  .skills())
          .allSatisfy(
              s ->
                  assertThat(s.levelDescriptions())
                      .as("what each level of %s means", s.id())
                      .extracting(LevelDescription::level)
                      .containsExactly("Beginner", "Intermediate", "Advanced", "Expert"));
    }
  }

  private static Map<String, ItemDef> byId(ContentPack pack) {
    return pack.items().stream().collect(Collectors.toMap(ItemDef::id, i -> i));
  }

  private static String text(ItemDef item) {
    return item.content().text(item.type());
  }

  @Test
  void aChangedLevelTextUpdatesTheSkillAndNeedsANewVersion() {
    importJson(renamedPack("imp-l", "il", 1));
    assertThat(servingLevels("il-serving-engineer").get(3).description())
        .isEqualTo("Sets serving standards for many teams.");
    Map<String, String> changed = renamedPack("imp-l", "il", 1);
    changed.put(
        "skills.yml",
        changed
            .get("skills.yml")
            .replace("Sets serving standards for many teams.", "Leads serving for the company."));
    assertProblem(jsonPost(changed), 409, "version");

    Map<String, String> v2 = renamedPack("imp-l", "il", 2);
    v2.put("skills.yml", changed.get("skills.yml"));
    ImportResult result = importJson(v2);

    assertThat(result.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(result.unchanged())
        .as("items do not change with their skill's levels")
        .isEqualTo(11);
    assertThat(servingLevels("il-serving-engineer"))
        .extracting(LevelDescription::description)
        .containsExactly(
            "Deploys a model behind a managed endpoint.",
            "Runs an inference server with dynamic batching and autoscaling.",
            "Designs canary rollouts with automatic rollback.",
            "Leads serving for the company.");
  }

  private List<LevelDescription> servingLevels(String roleId) {
    return http.toBlocking()
        .retrieve(HttpRequest.GET("/api/roles/" + roleId), RoleDetail.class)
        .skills()
        .get(0)
        .levelDescriptions();
  }

  @Test
  void anOlderVersionOrOtherContentUnderTheSameVersionIsRefused() {
    importJson(renamedPack("imp-g", "ig", 2));
    assertProblem(jsonPost(renamedPack("imp-g", "ig", 1)), 409, "version");
    Map<String, String> changed = renamedPack("imp-g", "ig", 2);
    changed.put("pack.yml", changed.get("pack.yml").replace("A small pack", "Another small pack"));
    assertProblem(jsonPost(changed), 409, "version");
  }

  @Test
  void aBrokenPackIsRefusedWholeWithEveryErrorListedAndNothingChanges() {
    importJson(renamedPack("imp-c", "ic", 1));
    Map<String, String> v2 = renamedPack("imp-c", "ic", 2);
    v2.put(
        "items/open.yml",
        v2.get("items/open.yml").replace("How would you roll out", "How would you release"));
    v2.put("roles.yml", v2.get("roles.yml").replace("weight: 60", "weight: 70"));
    v2.put(
        "items/quiz.yml",
        v2.get("items/quiz.yml").replace(", explanation: Logging adds work to every request.", ""));
    v2.put(
        "items/self-check.yml",
        v2.get("items/self-check.yml").replace("level: Beginner", "level: Guru"));

    String body = problem(jsonPost(v2), 422);

    PackProblem problem = fromJson(body, PackProblem.class);
    assertThat(problem.errors())
        .containsExactlyInAnyOrder(
            new PackError(
                "roles.yml",
                "ic-serving-engineer",
                "skills",
                "weights sum to 110; they must sum to 100"),
            new PackError(
                "items/quiz.yml", "ic-quiz-latency", "options[1].explanation", "is required"),
            new PackError(
                "items/self-check.yml",
                "ic-self-batch-vs-online",
                "level",
                "must be one of Beginner, Intermediate, Advanced, Expert, not 'Guru'"));
    assertThat(
            http.toBlocking()
                .retrieve(HttpRequest.GET("/api/questions/ic-open-rollout"), QuestionDetail.class)
                .text())
        .startsWith("How would you roll out");
    assertThat(
            http.toBlocking()
                .retrieve(HttpRequest.GET("/api/roles/ic-serving-engineer"), String.class))
        .contains("\"weight\":60");
  }

  @Test
  void aPackMayNotTakeOverAnotherPacksIds() {
    Map<String, String> thief = renamedPack("imp-e", "ie", 1);
    thief.put(
        "items/open.yml",
        thief.get("items/open.yml").replace("id: ie-open-rollout", "id: t-open-rollout"));

    String body = problem(jsonPost(thief), 422);

    assertThat(fromJson(body, PackProblem.class).errors())
        .containsExactly(
            new PackError(
                "items/open.yml", "t-open-rollout", "id", "already belongs to pack 'test-pack'"));
    assertProblem(HttpRequest.GET("/api/roles/ie-serving-engineer"), 404, "id");
  }

  @Test
  void aZipOfThePackFolderImportsLikeJson() throws IOException {
    ImportResult result =
        http.toBlocking()
            .retrieve(
                asAdmin(
                    HttpRequest.POST(
                            "/api/admin/packs", zip("imp-f", renamedPack("imp-f", "if", 1)))
                        .contentType("application/zip")),
                ImportResult.class);
    assertThat(result.outcome()).isEqualTo(Outcome.IMPORTED);
    assertThat(result.added()).isEqualTo(11);
  }

  @Test
  void aDryRunValidatesWithoutStoring() {
    ImportResult result =
        http.toBlocking()
            .retrieve(
                asAdmin(
                    HttpRequest.POST(
                        "/api/admin/packs?dryRun=true",
                        Map.of("files", renamedPack("imp-h", "ih", 1)))),
                ImportResult.class);
    assertThat(result.outcome()).isEqualTo(Outcome.VALID);
    assertThat(result.derivedKeyPoints()).as("every item of the test pack has a rubric").isEmpty();
    assertProblem(HttpRequest.GET("/api/roles/ih-serving-engineer"), 404, "id");
  }

  @Test
  void aRubricFreeOpenItemIsListedInTheDryRunAndPublishedWithItsModelAnswerAndNoConcepts() {
    Map<String, String> files = renamedPack("imp-k", "ik", 1);
    files.put(
        "items/open.yml",
        PackValidationTest.withoutRubric(files.get("items/open.yml"), "ik-open-drift"));

    ImportResult dryRun =
        http.toBlocking()
            .retrieve(
                asAdmin(HttpRequest.POST("/api/admin/packs?dryRun=true", Map.of("files", files))),
                ImportResult.class);
    assertThat(dryRun.outcome()).isEqualTo(Outcome.VALID);
    assertThat(dryRun.derivedKeyPoints()).containsExactly("ik-open-drift");
    ImportResult imported = importJson(files);
    assertThat(imported.outcome()).isEqualTo(Outcome.IMPORTED);
    assertThat(imported.derivedKeyPoints()).containsExactly("ik-open-drift");

    try (KafkaProbe probe = new KafkaProbe(Topics.CATALOG_QUESTIONS)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                QuestionPublished drift = latest(probe, "ik-open-drift");
                assertThat(drift.concepts()).isEmpty();
                assertThat(drift.modelAnswer())
                    .isEqualTo(
                        "Track prediction quality against labels when they arrive, and watch input drift before they do.");
                assertThat(latest(probe, "ik-open-rollout").concepts()).hasSize(3);
              });
    }
  }

  @Test
  void onlyAnAdminMayImportOrListPacks() {
    Map<String, Object> pack = Map.of("files", renamedPack("imp-i", "ii", 1));
    assertProblem(HttpRequest.POST("/api/admin/packs", pack), 401, "Authorization");
    assertProblem(HttpRequest.GET("/api/admin/packs"), 401, "Authorization");
    for (String role : List.of("CANDIDATE", "COACH")) {
      String token = GatewayTokens.token("not-an-admin", role);
      assertProblem(HttpRequest.POST("/api/admin/packs", pack).bearerAuth(token), 403, null);
      assertProblem(HttpRequest.GET("/api/admin/packs").bearerAuth(token), 403, null);
    }
    // a role header proves nothing: the token says who calls
    assertProblem(
        HttpRequest.POST("/api/admin/packs", pack)
            .bearerAuth(GatewayTokens.token("not-an-admin", "COACH"))
            .header("X-User-Role", "ADMIN"),
        403,
        null);
    assertProblem(HttpRequest.GET("/api/roles/ii-serving-engineer"), 404, "id");

    assertThat(importJson(renamedPack("imp-i", "ii", 1)).outcome()).isEqualTo(Outcome.IMPORTED);
    assertThat(
            http.toBlocking().retrieve(asAdmin(HttpRequest.GET("/api/admin/packs")), String.class))
        .contains("\"id\":\"imp-i\"");
  }

  @Test
  void badUploadsGetAProblem() {
    assertProblem(
        asAdmin(
            HttpRequest.POST("/api/admin/packs", "not a zip".getBytes(StandardCharsets.UTF_8))
                .contentType("application/zip")),
        400,
        "body");
    assertProblem(
        asAdmin(HttpRequest.POST("/api/admin/packs", Map.of("files", Map.of()))), 400, "files");
    assertProblem(
        asAdmin(
            HttpRequest.POST("/api/admin/packs", "{\"files\": ")
                .contentType(MediaType.APPLICATION_JSON)),
        400,
        null);
    assertProblem(
        asAdmin(HttpRequest.POST("/api/admin/packs", "id: x").contentType(MediaType.TEXT_PLAIN)),
        415,
        null);
  }

  private ImportResult importJson(Map<String, String> files) {
    return http.toBlocking().retrieve(jsonPost(files), ImportResult.class);
  }

  private static MutableHttpRequest<?> jsonPost(Map<String, String> files) {
    return asAdmin(HttpRequest.POST("/api/admin/packs", Map.of("files", files)));
  }

  /** The request with an admin's token: only admins manage packs. */
  private static <B> MutableHttpRequest<B> asAdmin(MutableHttpRequest<B> request) {
    return request.bearerAuth(GatewayTokens.token("admin-1", "ADMIN"));
  }

  private QuestionPublished latest(KafkaProbe probe, String key) {
    List<ConsumerRecord<String, String>> records = probe.records(r -> r.key().equals(key));
    assertThat(records).as("records for " + key).isNotEmpty();
    return fromJson(records.get(records.size() - 1).value(), QuestionPublished.class);
  }

  private long outboxRows(String keyPrefix) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM outbox_message WHERE message_key LIKE ?")) {
      s.setString(1, keyPrefix + "%");
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static byte[] zip(String folder, Map<String, String> files) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (var file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(folder + "/" + file.getKey()));
        zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}

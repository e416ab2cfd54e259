package dev.rehearse.speech.pronunciation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rehearse.contracts.PronunciationScored;
import dev.rehearse.contracts.QuestionPublished.Pronunciation;
import dev.rehearse.contracts.Topics;
import dev.rehearse.speech.SpeechTestBase;
import dev.rehearse.speech.catalog.CatalogRepository;
import dev.rehearse.testsupport.KafkaProbe;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@MicronautTest(transactional = false)
class PronunciationDrillTest extends SpeechTestBase {
  private static final Logger LOG = LoggerFactory.getLogger(PronunciationDrillTest.class);

  /**
   * A term none of whose published forms the small model knows: the drill falls back to its
   * letters.
   */
  static final Pronunciation GRAFANA =
      drillTerm("Grafana", "gra-FAH-na", List.of("grafana"), null, null);

  @Inject CatalogRepository catalog;

  /** One committed drill recording: who should pass and who should be told to retry. */
  record Saying(String file, String term, boolean good, String voice) {}

  @BeforeAll
  void publishTerms() {
    List<Pronunciation> terms = new ArrayList<>(drillTerms());
    terms.add(GRAFANA);
    terms.forEach(p -> publish(pronunciationItem(p)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                terms.stream().allMatch(p -> catalog.existsById("pron-" + p.term().toLowerCase())));
  }

  @Test
  void committedRecordingsAreJudgedRightAcrossVoices() {
    Map<Boolean, List<String>> wrong = Map.of(true, new ArrayList<>(), false, new ArrayList<>());
    List<Saying> sayings = sayings();
    for (Saying s : sayings) {
      PronunciationView v = drill("c-accuracy", s.term(), audio("drills/" + s.file()));
      LOG.info(
          "{} {} -> {} {} heard '{}'",
          s.file(),
          s.good() ? "GOOD" : "BAD",
          v.verdict(),
          v.score(),
          v.heard());
      boolean passed = v.verdict() != Verdict.RETRY;
      if (passed != s.good()) {
        wrong
            .get(s.good())
            .add(s.file() + " (" + s.voice() + ") -> " + v.verdict() + " '" + v.heard() + "'");
      }
    }
    long good = sayings.stream().filter(Saying::good).count();
    long bad = sayings.size() - good;
    LOG.info(
        "drill accuracy: good sayings passed {}/{}, wrong sayings told to retry {}/{}",
        good - wrong.get(true).size(),
        good,
        bad - wrong.get(false).size(),
        bad);
    assertThat(good - wrong.get(true).size())
        .as("good sayings judged CORRECT/CLOSE; missed " + wrong.get(true))
        .isGreaterThanOrEqualTo((long) Math.ceil(good * 0.9));
    assertThat(bad - wrong.get(false).size())
        .as("wrong sayings judged RETRY; let through " + wrong.get(false))
        .isGreaterThanOrEqualTo((long) Math.ceil(bad * 0.9));
  }

  @Test
  void sayingTheLettersGetsConcreteKindAdvice() {
    PronunciationView v = drill("c-advice", "NCCL", audio("drills/nccl/bad-1.wav"));
    assertThat(v.verdict()).isEqualTo(Verdict.RETRY);
    assertThat(v.heard()).isEqualTo("n c c l");
    assertThat(v.advice()).contains("'en see see el'", "letter by letter", "'nickel'");
    assertThat(v.words()).extracting(w -> w.word()).containsExactly("n", "c", "c", "l");

    PronunciationView good = drill("c-advice", "nccl", audio("drills/nccl/good-1.wav"));
    assertThat(good.verdict()).isIn(Verdict.CORRECT, Verdict.CLOSE);
    assertThat(good.heard()).isEqualTo("nickel");
    assertThat(good.score()).isBetween(60, 100);
    assertThat(good.words())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.word()).isEqualTo("nickel");
              assertThat(w.confidence()).isBetween(0.5, 1.0);
              assertThat(w.start()).isLessThan(w.end());
            });

    PronunciationView other = drill("c-advice", "PyTorch", audio("drills/pytorch/bad-2.wav"));
    assertThat(other.verdict()).isEqualTo(Verdict.RETRY);
    assertThat(other.heard()).isEqualTo("python");
    assertThat(other.advice()).contains("'python'", "'pie-torch'");
  }

  @Test
  void noiseIsNotForcedOntoTheTermAndSilenceIsRefused() {
    PronunciationView noise = drill("c-noise", "DeepSpeed", audio("noise.wav"));
    assertThat(noise.verdict()).isEqualTo(Verdict.RETRY);
    assertProblem(
        wavPost("/api/pronunciation-attempts?term=NCCL", "c-noise", audio("silence.wav")),
        400,
        "audio");
    assertProblem(
        wavPost(
            "/api/pronunciation-attempts?term=Slurmish",
            "c-noise",
            audio("drills/nccl/good-1.wav")),
        404,
        "term");
  }

  @Test
  void eachDrillIsPublishedForProgress() {
    PronunciationView v = drill("c-progress", "JAX", audio("drills/jax/good-2.wav"));
    try (KafkaProbe probe = new KafkaProbe(Topics.SPEECH_PRONUNCIATIONS)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !probe.records(r -> r.value().contains(v.id().toString())).isEmpty());
      var record = probe.records(r -> r.value().contains(v.id().toString())).get(0);
      PronunciationScored event = fromJson(record.value(), PronunciationScored.class);
      assertThat(record.key()).isEqualTo("c-progress");
      assertThat(event.term()).isEqualTo("JAX");
      assertThat(event.verdict()).isEqualTo(v.verdict().name());
      assertThat(event.score()).isEqualTo(v.score());
      assertThat(event.heard()).isEqualTo(v.heard());
    }
    assertThat(
            http.toBlocking()
                .retrieve(
                    as(
                        HttpRequest.GET("/api/pronunciation-attempts/" + v.id()),
                        "c-progress",
                        "CANDIDATE"),
                    PronunciationView.class))
        .isEqualTo(v);
    String mine = "/api/pronunciation-attempts/" + v.id();
    assertProblem(as(HttpRequest.GET(mine), "c-other", "CANDIDATE"), 404, "id");
    assertProblem(as(HttpRequest.GET(mine), "coach-1", "COACH"), 404, "id");
    assertThat(status(as(HttpRequest.GET(mine), "admin-1", "ADMIN"))).isEqualTo(200);
    assertProblem(
        HttpRequest.GET(mine).header("X-Candidate-Id", "c-progress"), 401, "Authorization");
    assertProblem(
        HttpRequest.POST("/api/pronunciation-attempts?term=JAX", audio("drills/jax/good-2.wav"))
            .contentType("audio/wav")
            .header("X-Candidate-Id", "c-progress"),
        401,
        "Authorization");
  }

  @Test
  void vocabularyReportShowsFormsTheModelDoesNotKnow() {
    VocabularyReport report =
        http.toBlocking()
            .retrieve(
                as(
                    HttpRequest.GET("/api/admin/pronunciation/vocabulary-report"),
                    "admin-1",
                    "ADMIN"),
                VocabularyReport.class);
    Map<String, VocabularyReport.Entry> byTerm =
        report.entries().stream()
            .collect(Collectors.toMap(VocabularyReport.Entry::term, e -> e, (a, b) -> a));

    VocabularyReport.Entry kubernetes = byTerm.get("Kubernetes");
    assertThat(kubernetes.status()).isEqualTo(VocabularyReport.Status.PARTLY);
    assertThat(kubernetes.forms())
        .filteredOn(f -> !f.inVocabulary())
        .singleElement()
        .satisfies(f -> assertThat(f.unknownWords()).containsExactly("kubernetes"));
    assertThat(kubernetes.accepted()).containsExactly("cube er net ease", "cooper net ease");

    VocabularyReport.Entry grafana = byTerm.get("Grafana");
    assertThat(grafana.status()).isEqualTo(VocabularyReport.Status.FALLBACK);
    assertThat(grafana.accepted()).containsExactly("g r a f a n a");
    assertThat(grafana.advice()).contains("letter");

    assertThat(byTerm.get("NCCL").status()).isEqualTo(VocabularyReport.Status.OK);
    assertThat(byTerm.get("NCCL").confusions()).containsExactly("n c c l");
    assertThat(byTerm.get("K8s").confusions()).contains("k eight s");
    // a listed mistake is a confusion the grammar listens for, not only the term's letters
    assertThat(byTerm.get("SLO").confusions()).contains("slow");
    assertThat(report.needsAttention()).isGreaterThanOrEqualTo(2);

    String path = "/api/admin/pronunciation/vocabulary-report";
    assertProblem(HttpRequest.GET(path), 401, "Authorization");
    assertProblem(as(HttpRequest.GET(path), "c-1", "CANDIDATE"), 403, null);
    assertProblem(
        as(HttpRequest.GET(path), "coach-1", "COACH").header("X-User-Role", "ADMIN"), 403, null);
  }

  private PronunciationView drill(String candidate, String term, byte[] wav) {
    return http.toBlocking()
        .retrieve(
            wavPost("/api/pronunciation-attempts?term=" + term, candidate, wav),
            PronunciationView.class);
  }

  static List<Saying> sayings() {
    String manifest = new String(audio("drills/manifest.tsv"), StandardCharsets.UTF_8);
    return Arrays.stream(manifest.split("\n"))
        .skip(1)
        .map(line -> line.split("\t"))
        .map(f -> new Saying(f[0], f[1], "GOOD".equals(f[2]), f[3] + "@" + f[4]))
        .toList();
  }
}

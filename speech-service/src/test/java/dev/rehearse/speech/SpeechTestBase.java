package dev.rehearse.speech;

import dev.rehearse.contracts.QuestionPublished;
import dev.rehearse.contracts.QuestionPublished.Pronunciation;
import dev.rehearse.contracts.QuestionPublished.RubricConcept;
import dev.rehearse.contracts.Topics;
import dev.rehearse.testsupport.GatewayTokens;
import dev.rehearse.testsupport.KafkaProbe;
import dev.rehearse.testsupport.Problems;
import dev.rehearse.testsupport.ServiceTest;
import dev.rehearse.testsupport.TestInfrastructure;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Points the service at the JVM's shared PostgreSQL and Kafka, publishes test items, reads test
 * audio.
 */
public abstract class SpeechTestBase extends ServiceTest {
  public static final String SERVING_QUESTION = "open-serving-rollout";

  @Inject
  @Client("/")
  protected HttpClient http;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.properties("speech");
  }

  /** The open question the committed answer {@code answers/serving-rollout.wav} replies to. */
  protected QuestionPublished servingQuestion() {
    return new QuestionPublished(
        UUID.randomUUID(),
        QuestionPublished.SCHEMA_VERSION,
        Instant.now(),
        SERVING_QUESTION,
        List.of("ml-infrastructure-engineer"),
        "model-serving",
        "Intermediate",
        "How would you roll out a new model version to a high-traffic inference service?",
        List.of(
            new RubricConcept("canary", "Canary deployment", 40, List.of("canary")),
            new RubricConcept("rollback", "Rollback", 30, List.of("roll back")),
            new RubricConcept(
                "monitoring",
                "Monitoring latency and error rate",
                30,
                List.of("latency", "error rate"))),
        List.of(),
        "OPEN",
        null,
        List.of());
  }

  /** A PRONUNCIATION item as question-service publishes it, under id {@code pron-<term>}. */
  protected static QuestionPublished pronunciationItem(Pronunciation p) {
    return new QuestionPublished(
        UUID.randomUUID(),
        QuestionPublished.SCHEMA_VERSION,
        Instant.now(),
        "pron-" + p.term().toLowerCase(),
        List.of("ml-infrastructure-engineer"),
        "vocabulary",
        "Beginner",
        "Say \"" + p.term() + "\" out loud.",
        List.of(),
        List.of(),
        "PRONUNCIATION",
        p,
        List.of());
  }

  /**
   * The terms of the committed drill recordings (audio/drills/manifest.tsv), as the content pack
   * words them.
   */
  protected static List<Pronunciation> drillTerms() {
    return List.of(
        drillTerm("NCCL", "nickel", List.of("nickel"), "NI-ckel", "n c c l"),
        drillTerm("CUDA", "koo-da", List.of("cuda"), "KOO-da", "c u d a"),
        drillTerm("ONNX", "on-ix", List.of("onyx"), "ON-ix", "o n n x"),
        drillTerm("JAX", "jacks", List.of("jacks"), null, "j a x"),
        drillTerm("K8s", "kates", List.of("kates"), null, "k eight s"),
        drillTerm(
            "Kubernetes",
            "koo-ber-net-eez",
            List.of("kubernetes", "cube er net ease", "cooper net ease"),
            "koo-ber-NET-eez",
            null),
        drillTerm("Lustre", "luster", List.of("luster"), "LUS-ter", null),
        drillTerm("GPU", "gee-pee-you", List.of("G P U"), "gee-pee-YOU", null),
        drillTerm("SLO", "ess-el-oh", List.of("S L O"), null, "slow"),
        drillTerm("RBAC", "are-back", List.of("are back", "R back"), "are-BACK", null),
        drillTerm("MLOps", "em-el-ops", List.of("M L ops"), "em-el-OPS", null),
        drillTerm("NVLink", "en-vee-link", List.of("N V link"), "en-vee-LINK", null),
        drillTerm("PyTorch", "pie-torch", List.of("pie torch"), "PIE-torch", null),
        drillTerm("DeepSpeed", "deep speed", List.of("deep speed"), null, null));
  }

  /** A drill term with at most one mistake, also named in its note. */
  protected static Pronunciation drillTerm(
      String term, String saidAs, List<String> forms, String stress, String mistake) {
    return new Pronunciation(
        term,
        saidAs,
        forms,
        stress,
        mistake == null ? null : "Saying \"" + mistake + "\".",
        "acronym",
        mistake == null ? List.of() : List.of(mistake));
  }

  protected void publish(QuestionPublished item) {
    KafkaProbe.send(Topics.CATALOG_QUESTIONS, item.questionId(), toJson(item));
  }

  /** A committed recording under src/test/resources/audio. */
  protected static byte[] audio(String path) {
    try (InputStream in = SpeechTestBase.class.getResourceAsStream("/audio/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test recording " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected static HttpRequest<byte[]> wavPost(String uri, String candidate, byte[] wav) {
    return as(HttpRequest.POST(uri, wav).contentType("audio/wav"), candidate, "CANDIDATE");
  }

  /**
   * The request with a token naming {@code subject} in {@code role}, as the gateway forwards it.
   */
  protected static <T> MutableHttpRequest<T> as(
      MutableHttpRequest<T> request, String subject, String role) {
    return request.bearerAuth(GatewayTokens.token(subject, role));
  }

  protected int status(HttpRequest<?> request) {
    try {
      return http.toBlocking().exchange(request).code();
    } catch (HttpClientResponseException e) {
      return e.getStatus().getCode();
    }
  }

  /** See {@link Problems#assertProblem}; returns the body. */
  protected String assertProblem(HttpRequest<?> request, int status, String field) {
    return Problems.assertProblem(http, request, status, field);
  }
}

package dev.rehearse.question.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.question.QuestionTestBase;
import dev.rehearse.testsupport.GatewayTokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Full-text search over a pack made for it: one word placed in an item's text, tags or vocabulary.
 */
@MicronautTest
class SearchTest extends QuestionTestBase {
  static final String ROLE = "s-serving-engineer";

  @BeforeAll
  void importSearchPack() {
    Map<String, String> files = renamedPack("search-pack", "s", 1);
    files.put(
        "items/open.yml",
        """
        items:
          - id: s-open-quant
            roles: [s-serving-engineer]
            skill: s-serving
            level: Advanced
            tags: [latency]
            question: When would you apply quantisation to a served model, and what does it cost in accuracy?
            modelAnswer: When latency or memory is the limit and a small accuracy loss is acceptable after measuring it.
            rubric:
              - {id: latency, label: Latency and memory, weight: 40, synonyms: [latency, memory]}
              - {id: accuracy, label: Accuracy check, weight: 40, synonyms: [accuracy, evaluate]}
              - {id: hardware, label: Hardware support, weight: 20, synonyms: [int8, tensor cores]}
        """);
    files.put(
        "items/quiz.yml",
        """
        items:
          - id: s-quiz-tagged
            roles: [s-serving-engineer]
            skill: s-serving
            level: Intermediate
            tags: [quantisation, memory]
            question: Which change shrinks the memory that served weights take?
            options:
              - {id: a, text: Storing weights as 8-bit integers, correct: true, explanation: A quarter of the bytes of float32.}
              - {id: b, text: Adding replicas, correct: false, explanation: Each replica holds its own copy.}
        """);
    files.put(
        "items/vocabulary.yml",
        """
        items:
          - id: s-vocab-int8
            roles: [s-serving-engineer]
            skill: s-serving
            level: Intermediate
            tags: [inference]
            term: int8 inference
            definition: Serving a model after quantisation of its weights to 8-bit integers.
            example: Int8 inference halved our p99 latency on the same GPUs.
            collocations: [run int8 inference, calibrate for int8]
          - id: s-vocab-all-reduce
            roles: [s-serving-engineer]
            skill: s-observability
            level: Beginner
            tags: [collectives]
            term: all-reduce
            definition: A collective operation that sums tensors across GPUs and gives every GPU the result.
            example: The all-reduce of gradients dominated step time on the slow network.
            collocations: [ring all-reduce]
        """);
    for (String empty :
        new String[] {"items/self-check.yml", "items/scenarios.yml", "items/pronunciation.yml"}) {
      files.put(empty, "items: []\n");
    }
    http.toBlocking()
        .retrieve(
            HttpRequest.POST("/api/admin/packs", Map.of("files", files))
                .bearerAuth(GatewayTokens.token("admin-1", "ADMIN")));
  }

  @Test
  void aMatchInTheTextRanksAboveOneInTheTagsAboveOneInTheVocabulary() {
    QuestionPage page = search("quantisation", "");
    assertThat(page.items())
        .extracting(QuestionSummary::id)
        .containsExactly("s-open-quant", "s-quiz-tagged", "s-vocab-int8");
    assertThat(page.items())
        .extracting(QuestionSummary::rank)
        .isSortedAccordingTo((a, b) -> Float.compare(b, a));
    assertThat(page.total()).isEqualTo(3);
  }

  @Test
  void searchFindsVocabularyDefinitionsAndStemsWords() {
    assertThat(search("collective operations", "").items())
        .extracting(QuestionSummary::id)
        .containsExactly("s-vocab-all-reduce");
    assertThat(search("quantised", "").items())
        .extracting(QuestionSummary::id)
        .contains("s-open-quant");
  }

  @Test
  void searchCombinesWithFiltersAndWebSearchSyntax() {
    assertThat(search("quantisation", "&type=QUIZ").items())
        .extracting(QuestionSummary::id)
        .containsExactly("s-quiz-tagged");
    assertThat(search("quantisation -accuracy", "").items())
        .extracting(QuestionSummary::id)
        .containsExactly("s-quiz-tagged", "s-vocab-int8");
    assertThat(search("\"8-bit integers\"", "").items())
        .extracting(QuestionSummary::id)
        .contains("s-vocab-int8");
  }

  @Test
  void answerKeysAreNotSearchable() {
    // "tensor cores" is only a rubric synonym of s-open-quant: a match would tell a candidate what
    // the key says
    assertThat(search("tensor cores", "").items()).isEmpty();
    assertThat(search("\"8-bit integers\"", "&type=QUIZ").items())
        .extracting(QuestionSummary::id)
        .as("option texts are shown to candidates, so they stay searchable")
        .containsExactly("s-quiz-tagged");
  }

  @Test
  void oddQueriesFindNothingRatherThanFail() {
    assertThat(search("the and of", "").items()).isEmpty();
    assertThat(search("k8s & | ! ( :* '", "").total()).isZero();
  }

  private QuestionPage search(String q, String more) {
    String uri =
        UriBuilder.of("/api/questions").queryParam("role", ROLE).queryParam("q", q).build() + more;
    return http.toBlocking().retrieve(HttpRequest.GET(uri), QuestionPage.class);
  }
}

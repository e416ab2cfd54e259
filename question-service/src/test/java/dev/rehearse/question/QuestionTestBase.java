package dev.rehearse.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.rehearse.question.pack.PackFiles;
import dev.rehearse.testsupport.ServiceTest;
import dev.rehearse.testsupport.TestInfrastructure;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Points the service at the JVM's shared PostgreSQL and Kafka and loads the small test pack at
 * start-up.
 */
public abstract class QuestionTestBase extends ServiceTest {
  public static final String TEST_PACK = "test-pack";

  @Inject
  @Client("/")
  protected HttpClient http;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>(TestInfrastructure.properties("question"));
    p.put("rehearse.question.packs", TEST_PACK);
    return p;
  }

  /** The test pack's files, to be changed by a test before it posts them. */
  protected static Map<String, String> testPackFiles() {
    return new LinkedHashMap<>(
        PackFiles.fromClasspath(TEST_PACK, QuestionTestBase.class.getClassLoader()).files());
  }

  /**
   * A copy of the test pack under other ids, so a test can import, change and retire it without
   * touching what other tests read: every id starting with {@code t-} gets the prefix.
   */
  protected static Map<String, String> renamedPack(String packId, String prefix, int version) {
    Map<String, String> out = new LinkedHashMap<>();
    testPackFiles()
        .forEach(
            (name, text) ->
                out.put(
                    name,
                    text.replaceAll("(?<![\\w-])t-", prefix + "-")
                        .replace("id: " + TEST_PACK, "id: " + packId)
                        .replace("version: 1", "version: " + version)));
    return out;
  }

  /** Sends a request that must fail and returns its problem body after checking its shape. */
  protected String problem(HttpRequest<?> request, int status) {
    try {
      http.toBlocking().exchange(request, String.class);
      return fail("expected " + status + " for " + request.getPath());
    } catch (HttpClientResponseException e) {
      String body = e.getResponse().getBody(String.class).orElseThrow();
      assertThat(e.getStatus().getCode()).as(body).isEqualTo(status);
      assertThat(e.getResponse().getContentType())
          .hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("application/problem+json"));
      assertThat(body)
          .contains("\"status\":" + status)
          .contains("\"title\"")
          .doesNotContain("Exception")
          .doesNotContain("\tat ");
      return body;
    }
  }

  protected void assertProblem(HttpRequest<?> request, int status, String field) {
    String body = problem(request, status);
    if (field != null) {
      assertThat(body).contains("\"field\":\"" + field);
    }
  }
}

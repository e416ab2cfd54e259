package dev.rehearse.testsupport;

import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of every service's component tests: one instance per class (so {@code @BeforeAll} can use
 * the application), JSON helpers with the application's own mapper. Subclasses give the properties,
 * usually {@link TestInfrastructure#properties(String)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceTest implements TestPropertyProvider {
  @Inject protected ObjectMapper json;

  protected String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected <T> T fromJson(String value, Class<T> type) {
    try {
      return json.readValue(value, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.rehearse.platform;

import dev.rehearse.testsupport.ServiceTest;
import dev.rehearse.testsupport.TestInfrastructure;
import java.util.HashMap;
import java.util.Map;

/**
 * Base of platform's tests: the shared PostgreSQL (schema {@code platform_test}, platform's tables
 * plus a table for test effects) and Kafka broker.
 */
public abstract class PlatformTest extends ServiceTest {
  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>(TestInfrastructure.properties("platform_test"));
    p.put("flyway.datasources.default.enabled", "true");
    p.put("flyway.datasources.default.schemas", "platform_test");
    p.put("flyway.datasources.default.default-schema", "platform_test");
    p.put("flyway.datasources.default.create-schemas", "true");
    p.put(
        "flyway.datasources.default.locations", "classpath:db/platform,classpath:db/platform-test");
    // as every service's application.yml: metrics only at /prometheus (metrics.ScrapeController)
    p.put("endpoints.prometheus.enabled", "false");
    p.put("endpoints.metrics.enabled", "false");
    return p;
  }
}

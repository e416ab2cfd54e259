package dev.rehearse.platform.metrics;

import dev.rehearse.platform.problem.ProblemException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Every service's metrics in Prometheus's text format, for a scraper holding the scrape token
 * ({@code rehearse.metrics.token}, sent as {@code Authorization: Bearer <token>}). Without a token
 * configured the page does not exist (404): metrics are off until an operator chooses a token. In
 * place of micronaut-micrometer's own endpoints, which know no such token: every service's
 * application.yml turns them off ({@code endpoints.prometheus.enabled} and {@code
 * endpoints.metrics.enabled} false; the metrics one would otherwise answer anyone).
 */
@Controller("/prometheus")
@Hidden
public class ScrapeController {
  static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";
  private final PrometheusMeterRegistry registry;
  private final @Nullable byte[] tokenDigest;

  public ScrapeController(
      PrometheusMeterRegistry registry, @Value("${rehearse.metrics.token:}") String token) {
    this.registry = registry;
    this.tokenDigest = token.isBlank() ? null : digest(token.strip());
  }

  /** On a blocking thread: some gauges ask the database (at most every few seconds). */
  @Get(produces = TEXT_FORMAT)
  @ExecuteOn(TaskExecutors.BLOCKING)
  public String scrape(@Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization) {
    if (tokenDigest == null) {
      throw ProblemException.notFound(
          null, "metrics are off: set rehearse.metrics.token (REHEARSE_METRICS_TOKEN)");
    }
    String given =
        authorization != null && authorization.startsWith("Bearer ")
            ? authorization.substring("Bearer ".length()).strip()
            : "";
    // digests of equal length, compared in constant time: the answer's timing tells nothing
    if (!MessageDigest.isEqual(tokenDigest, digest(given))) {
      throw new ProblemException(
          HttpStatus.UNAUTHORIZED, "Authorization", "send Authorization: Bearer <scrape token>");
    }
    return registry.scrape();
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}

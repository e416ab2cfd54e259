package dev.rehearse.platform.metrics;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer of a query that gauges read: asked again only once the last answer is older than
 * {@code maxAge}, so however often (and however many scrapers) read the gauges, the database sees
 * at most one query per period. Concurrent readers of an expired answer wait for one query.
 */
public final class CachedQuery<T> {
  private static final Logger LOG = LoggerFactory.getLogger(CachedQuery.class);
  private final LoadingCache<Boolean, T> answer;

  public CachedQuery(Duration maxAge, Supplier<T> query) {
    this.answer = Caffeine.newBuilder().expireAfterWrite(maxAge).build(key -> query.get());
  }

  /** A figure from the answer; NaN (no value rather than a wrong one) if the query failed. */
  public double read(ToDoubleFunction<T> figure) {
    try {
      return figure.applyAsDouble(answer.get(Boolean.TRUE));
    } catch (RuntimeException e) {
      LOG.debug("a gauge's query failed: {}", e.toString());
      return Double.NaN;
    }
  }
}

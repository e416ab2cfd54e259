package dev.rehearse.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;

/**
 * A token bucket per key (a user, a client address, an email), in this instance's memory: with N
 * gateway instances a client can get up to N times a limit, the accepted price of no shared store
 * on the hot path.
 *
 * <p>Bucket4j rather than resilience4j-ratelimiter: Bucket4j's buckets are plain objects, cheap to
 * make one per key and to drop, several limits combine in one bucket (a burst and a slower hourly
 * rate), a token can be given back (a right password costs nothing) and a refused take says how
 * long until the next token (Retry-After). resilience4j's limiters are named registry entries that
 * live until removed, with none of these. Idle keys are forgotten once their bucket would be full
 * again; the cache is bounded too, so a flood of fresh keys cannot grow memory.
 */
public final class KeyedLimiter {
  private static final long MAX_KEYS = 100_000;
  private final Bandwidth[] limits;
  private final Cache<String, Bucket> buckets;

  public KeyedLimiter(Bandwidth... limits) {
    this.limits = limits.clone();
    Duration longest =
        Arrays.stream(limits)
            .map(l -> Duration.ofNanos(l.getRefillPeriodNanos()))
            .max(Comparator.naturalOrder())
            .orElseThrow(() -> new IllegalArgumentException("a limiter needs a limit"));
    this.buckets = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(longest).build();
  }

  /** {@code count} per {@code period}, all at once at the start of each period: a fixed window. */
  public static Bandwidth perWindow(int count, Duration period) {
    return Bandwidth.builder().capacity(count).refillIntervally(count, period).build();
  }

  /** At most {@code count} at once, refilled evenly over {@code period}. */
  public static Bandwidth smooth(int count, Duration period) {
    return Bandwidth.builder().capacity(count).refillGreedy(count, period).build();
  }

  /** Takes a token for {@code key}, or throws a 429 saying when the next one comes. */
  public void acquire(String key, String what) {
    ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw new TooManyRequestsException(
          "too many " + what + "; try again shortly",
          Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
  }

  /** Takes a token for {@code key} if there is one. */
  public boolean tryTake(String key) {
    return bucket(key).tryConsume(1);
  }

  /** Returns a token taken by {@link #tryTake} (never beyond the bucket's capacity). */
  public void giveBack(String key) {
    bucket(key).addTokens(1);
  }

  private Bucket bucket(String key) {
    return buckets.get(
        key,
        k -> {
          LocalBucketBuilder builder = Bucket.builder();
          Arrays.stream(limits).forEach(builder::addLimit);
          return builder.build();
        });
  }
}

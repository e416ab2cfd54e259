package dev.rehearse.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CachedQueryTest {
  @Test
  void manyReadsWithinThePeriodAskOnce() {
    AtomicInteger asked = new AtomicInteger();
    CachedQuery<Integer> query = new CachedQuery<>(Duration.ofMinutes(1), asked::incrementAndGet);

    IntStream.range(0, 100).parallel().forEach(i -> assertThat(query.read(n -> n)).isEqualTo(1));
    assertThat(asked).hasValue(1);
  }

  @Test
  void aReadAfterThePeriodAsksAgain() {
    AtomicInteger asked = new AtomicInteger();
    CachedQuery<Integer> query = new CachedQuery<>(Duration.ofMillis(50), asked::incrementAndGet);

    assertThat(query.read(n -> n)).isEqualTo(1);
    await().atMost(Duration.ofSeconds(2)).until(() -> query.read(n -> n) == 2);
  }

  @Test
  void aFailedQueryReadsAsNoValue() {
    CachedQuery<Integer> query =
        new CachedQuery<>(
            Duration.ofSeconds(5),
            () -> {
              throw new IllegalStateException("database down");
            });
    assertThat(query.read(n -> n)).isNaN();
  }
}

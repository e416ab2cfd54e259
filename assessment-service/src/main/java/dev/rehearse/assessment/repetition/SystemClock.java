package dev.rehearse.assessment.repetition;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The clock repetition schedules by; tests replace it to move across days. */
@Factory
public class SystemClock {
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }
}

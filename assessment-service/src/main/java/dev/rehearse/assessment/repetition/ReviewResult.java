package dev.rehearse.assessment.repetition;

import dev.rehearse.platform.repetition.Rating;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A reviewed card: when it is due next and after how many days (0: later today). */
@Serdeable
public record ReviewResult(
    CardKind kind,
    String itemRef,
    Rating rating,
    Card.State state,
    int days,
    Instant due,
    int reps,
    int lapses) {}

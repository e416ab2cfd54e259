package dev.rehearse.assessment.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/** Who should make the second review: an account id, or nobody named (any other coach). */
@Serdeable
public record SecondReviewRequest(@Nullable @Size(max = 100) String reviewerId) {}

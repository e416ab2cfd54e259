package dev.rehearse.assessment.review;

import dev.rehearse.assessment.scoring.AttemptView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A second review as a coach sees it. While it is open, whoever may take it sees the attempt as the
 * machine scored it and no first review; once submitted, both reviews.
 */
@Serdeable
public record SecondReviewView(
    SecondReview request,
    AttemptView attempt,
    @Nullable AttemptReview firstReview,
    @Nullable AttemptReview secondReview) {}

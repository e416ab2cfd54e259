package dev.rehearse.assessment.review;

import dev.rehearse.platform.personal.PersonalData;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Reviews and second-review requests naming an account. Erasing a candidate erases every review of
 * their attempts and every request about them; erasing a coach keeps their reviews of others (marks
 * and scores: the candidates' record and the cohort's agreement figures) without the reviewer's id,
 * and an open request naming them passes to any other coach.
 */
@Singleton
public class ReviewData implements PersonalData {
  private final AttemptReviewRepository reviews;
  private final SecondReviewRepository requests;

  public ReviewData(AttemptReviewRepository reviews, SecondReviewRepository requests) {
    this.reviews = reviews;
    this.requests = requests;
  }

  @Override
  public String section() {
    return "reviews";
  }

  @Override
  public Object export(String accountId) {
    return Map.of(
        "reviews",
        reviews.findByCandidateIdOrCoachIdOrderByCreatedAt(accountId, accountId),
        "secondReviews",
        requests.findByCandidateIdOrRequestedByOrReviewerId(accountId, accountId, accountId));
  }

  @Override
  public void erase(String accountId) {
    requests.deleteByCandidateId(accountId);
    reviews.deleteByCandidateId(accountId);
    reviews.forgetCoach(accountId);
    requests.forgetRequester(accountId);
    requests.forgetReviewer(accountId);
  }
}

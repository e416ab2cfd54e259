package dev.rehearse.assessment.inbox;

import static dev.rehearse.assessment.cohort.CohortAccess.requireStaff;

import dev.rehearse.assessment.review.SecondReviews;
import dev.rehearse.platform.identity.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;

/** What a coach should review next, across all their cohorts. */
@Controller("/api/coach/inbox")
public class InboxController {
  private final InboxRepository inbox;
  private final SecondReviews secondReviews;

  public InboxController(InboxRepository inbox, SecondReviews secondReviews) {
    this.inbox = inbox;
    this.secondReviews = secondReviews;
  }

  @Operation(
      summary =
          "The attempts of the coach's candidates (an admin's: everyone's): flagged and unreviewed"
              + " first, then unreviewed, then reviewed; newest first within each")
  @Get
  public List<InboxItem> inbox(
      Caller caller, @Nullable @QueryValue @Min(1) @Max(200) Integer limit) {
    Caller staff = requireStaff(caller);
    return inbox.inbox(staff.id(), staff.isAdmin(), limit == null ? 100 : limit).stream()
        .map(
            i ->
                i.secondReviewOpen() && secondReviews.blindTo(staff, i.attemptId()) ? i.blind() : i)
        .toList();
  }
}

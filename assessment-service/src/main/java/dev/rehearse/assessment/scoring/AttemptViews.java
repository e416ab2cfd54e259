package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.catalog.CatalogQuestion;
import dev.rehearse.assessment.catalog.CatalogRepository;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Attempts as the API shows them, with their question's model answer from the local catalog. */
@Singleton
public class AttemptViews {
  private final CatalogRepository catalog;

  public AttemptViews(CatalogRepository catalog) {
    this.catalog = catalog;
  }

  public AttemptView of(Attempt attempt) {
    return AttemptView.of(attempt, modelAnswer(attempt.questionId(), new HashMap<>()));
  }

  public List<AttemptView> of(List<Attempt> attempts) {
    Map<String, Optional<String>> seen = new HashMap<>();
    return attempts.stream()
        .map(a -> AttemptView.of(a, modelAnswer(a.questionId(), seen)))
        .toList();
  }

  private String modelAnswer(String questionId, Map<String, Optional<String>> seen) {
    return seen.computeIfAbsent(
            questionId, id -> catalog.findById(id).map(CatalogQuestion::modelAnswer))
        .orElse(null);
  }
}

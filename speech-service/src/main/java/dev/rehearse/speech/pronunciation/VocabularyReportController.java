package dev.rehearse.speech.pronunciation;

import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.problem.ProblemException;
import dev.rehearse.speech.catalog.CatalogItem;
import dev.rehearse.speech.catalog.CatalogRepository;
import dev.rehearse.speech.catalog.DrillGrammar;
import dev.rehearse.speech.catalog.DrillGrammars;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;

/**
 * The vocabulary check of every pronunciation term, recomputed against the loaded model on each
 * call.
 */
@Controller("/api/admin/pronunciation")
@ExecuteOn(TaskExecutors.BLOCKING)
public class VocabularyReportController {
  private final CatalogRepository catalog;
  private final DrillGrammars grammars;

  public VocabularyReportController(CatalogRepository catalog, DrillGrammars grammars) {
    this.catalog = catalog;
    this.grammars = grammars;
  }

  @Operation(
      summary =
          "Which spoken forms of the pronunciation terms the recogniser knows, and how drills cope with the rest")
  @Get("/vocabulary-report")
  public VocabularyReport report(Caller caller) {
    if (!caller.isAdmin()) {
      throw ProblemException.forbidden("only admins may see the vocabulary report");
    }
    List<VocabularyReport.Entry> entries =
        catalog.findByTypeOrderByTermKey(CatalogItem.PRONUNCIATION).stream()
            .filter(item -> item.pronunciation() != null)
            .map(this::entry)
            .toList();
    int ok = (int) entries.stream().filter(e -> e.status() == VocabularyReport.Status.OK).count();
    return new VocabularyReport(entries.size(), ok, entries.size() - ok, entries);
  }

  private VocabularyReport.Entry entry(CatalogItem item) {
    DrillGrammar g = grammars.build(item.pronunciation());
    long known = g.forms().stream().filter(DrillGrammar.FormCheck::inVocabulary).count();
    VocabularyReport.Status status;
    String advice = null;
    if (!g.usable()) {
      status = VocabularyReport.Status.UNUSABLE;
      advice =
          "Add spoken forms made of everyday words (e.g. \"cube er net ease\") or of letters (\"k eight s\").";
    } else if (g.fallback() != null) {
      status = VocabularyReport.Status.FALLBACK;
      advice =
          "No published form is recognisable; the drill listens for "
              + g.fallback()
              + ". Add a form made of everyday words.";
    } else if (known < g.forms().size()) {
      status = VocabularyReport.Status.PARTLY;
      advice = "Forms with unknown words are ignored by the drill; spell them with everyday words.";
    } else {
      status = VocabularyReport.Status.OK;
    }
    return new VocabularyReport.Entry(
        item.questionId(),
        item.pronunciation().term(),
        status,
        g.forms(),
        g.accepted(),
        g.confusions(),
        g.fallback(),
        advice);
  }
}

package dev.rehearse.speech.pronunciation;

import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.problem.ProblemException;
import dev.rehearse.speech.audio.Audio;
import dev.rehearse.speech.audio.WavDecoder;
import dev.rehearse.speech.catalog.CatalogItem;
import dev.rehearse.speech.catalog.CatalogRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

@Controller("/api/pronunciation-attempts")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PronunciationController {
  /** A drill is one term, a few seconds: longer clips are refused before Vosk sees them. */
  private static final Duration MAX_DRILL = Duration.ofSeconds(15);

  private final CatalogRepository catalog;
  private final WavDecoder decoder;
  private final DrillJudge judge;
  private final DrillRecorder recorder;
  private final PronunciationAttemptRepository attempts;

  public PronunciationController(
      CatalogRepository catalog,
      WavDecoder decoder,
      DrillJudge judge,
      DrillRecorder recorder,
      PronunciationAttemptRepository attempts) {
    this.catalog = catalog;
    this.decoder = decoder;
    this.judge = judge;
    this.recorder = recorder;
    this.attempts = attempts;
  }

  @Operation(
      summary =
          "Judge one saying of a pronunciation term (WAV, PCM 16-bit, at most 15 s): verdict, score, words, advice")
  @Post(consumes = {"audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave"})
  public PronunciationView drill(
      @QueryValue @NotBlank @Size(max = 100) String term,
      Caller caller,
      @Body @Nullable byte[] wav) {
    CatalogItem item =
        catalog
            .findFirstByTermKeyOrderByUpdatedAtDesc(term.toLowerCase(Locale.ROOT))
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "term", "no pronunciation drill for the term " + term));
    if (item.drill() == null || !item.drill().usable()) {
      throw new ProblemException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          "term",
          "the term "
              + item.pronunciation().term()
              + " cannot be drilled yet: none of its spoken forms is in the recogniser's vocabulary (see the vocabulary report)");
    }
    Audio audio = decoder.decode(wav, MAX_DRILL, "a drill is just the term, said once");
    DrillResult result = judge.judge(item.pronunciation(), item.drill(), audio.pcm());
    return PronunciationView.of(
        recorder.record(caller.id(), item.questionId(), item.pronunciation().term(), result));
  }

  /** Its candidate or an admin, as for spoken attempts; others' are "not found". */
  @Operation(summary = "A judged pronunciation drill")
  @Get("/{id}")
  public PronunciationView get(UUID id, Caller caller) {
    return attempts
        .findById(id)
        .filter(a -> caller.isAdmin() || caller.id().equals(a.candidateId()))
        .map(PronunciationView::of)
        .orElseThrow(
            () -> ProblemException.notFound("id", "no pronunciation attempt with id " + id));
  }
}

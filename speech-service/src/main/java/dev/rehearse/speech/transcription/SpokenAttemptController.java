package dev.rehearse.speech.transcription;

import dev.rehearse.contracts.CoachQuestionIds;
import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.problem.ProblemException;
import dev.rehearse.speech.SpeechSettings;
import dev.rehearse.speech.audio.Audio;
import dev.rehearse.speech.audio.WavDecoder;
import dev.rehearse.speech.catalog.CatalogRepository;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Controller("/api/spoken-attempts")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SpokenAttemptController {
  private static final Logger LOG = LoggerFactory.getLogger(SpokenAttemptController.class);
  private final CatalogRepository catalog;
  private final WavDecoder decoder;
  private final TranscriptionJobs jobs;
  private final SpokenAttemptRepository attempts;
  private final ApplicationEventPublisher<JobQueued> queued;
  private final SpeechSettings settings;

  public SpokenAttemptController(
      CatalogRepository catalog,
      WavDecoder decoder,
      TranscriptionJobs jobs,
      SpokenAttemptRepository attempts,
      ApplicationEventPublisher<JobQueued> queued,
      SpeechSettings settings) {
    this.catalog = catalog;
    this.decoder = decoder;
    this.jobs = jobs;
    this.attempts = attempts;
    this.queued = queued;
    this.settings = settings;
  }

  /** What a 202 says: the attempt id to poll and its first status. */
  @Serdeable
  public record Accepted(UUID id, SpokenAttempt.Status status) {}

  @Operation(
      summary =
          "Queue a spoken answer (WAV, PCM 16-bit, mono or stereo, any rate, at most 2 minutes / 20 MB) for transcription; 429 while the candidate's queue is full. sessionId names a mock interview session: assessment links the scored answer to it when it fits (the candidate's open session with this question unanswered), else scores it as practice")
  @Post(consumes = {"audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave"})
  public HttpResponse<Accepted> submit(
      @QueryValue @NotBlank @Size(max = 100) String questionId,
      @QueryValue @Nullable UUID sessionId,
      Caller caller,
      @Body @Nullable byte[] wav) {
    // a coach's own question is never on the catalog topic: assessment checks it when it scores
    if (!catalog.existsById(questionId) && !CoachQuestionIds.isCoachQuestion(questionId)) {
      throw ProblemException.notFound("questionId", "no question with id " + questionId);
    }
    jobs.requireRoom(caller.id()); // before decoding: refusing a full queue costs nothing
    Audio audio = decoder.decode(wav, settings.maxDuration(), "split it or answer more briefly");
    SpokenAttempt attempt = jobs.enqueue(caller.id(), questionId, sessionId, audio);
    queued.publishEvent(new JobQueued(attempt.id()));
    LOG.info(
        "Queued spoken attempt {} of candidate {}: {} s of audio",
        attempt.id(),
        caller.id(),
        attempt.durationSeconds());
    return HttpResponse.accepted(URI.create("/api/spoken-attempts/" + attempt.id()))
        .body(new Accepted(attempt.id(), attempt.status()));
  }

  /**
   * Its candidate or an admin. Coaches see their cohorts' work in assessment (which owns cohorts
   * and holds every scored transcript), not here. Others' are "not found".
   */
  @Operation(summary = "A spoken attempt: status, percent done, transcript, words and fluency")
  @Get("/{id}")
  public SpokenAttemptView get(UUID id, Caller caller) {
    return attempts
        .findById(id)
        .filter(a -> caller.isAdmin() || caller.id().equals(a.candidateId()))
        .map(SpokenAttemptView::of)
        .orElseThrow(() -> ProblemException.notFound("id", "no spoken attempt with id " + id));
  }
}

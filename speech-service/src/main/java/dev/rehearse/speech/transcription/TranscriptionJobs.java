package dev.rehearse.speech.transcription;

import dev.rehearse.contracts.Topics;
import dev.rehearse.contracts.TranscriptReady;
import dev.rehearse.platform.outbox.Outbox;
import dev.rehearse.platform.trace.Traces;
import dev.rehearse.speech.SpeechSettings;
import dev.rehearse.speech.audio.Audio;
import dev.rehearse.speech.transcription.SpokenAttempt.Status;
import dev.rehearse.speech.vosk.Recognition;
import dev.rehearse.speech.vosk.RecognizedWord;
import dev.rehearse.speech.vosk.VoskEngine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The job table's transactions: enqueue (at most {@code
 * rehearse.speech.queue.max-waiting-per-candidate} unfinished jobs per candidate), claim (SKIP
 * LOCKED, so any number of instances share the queue; round-robin across candidates), renew the
 * lease with progress, and finish. Finishing writes the transcript, queues the {@link
 * TranscriptReady} event and deletes the audio in one transaction, and only while the worker still
 * holds the lease: a job taken over is finished by its new worker alone.
 */
@Singleton
public class TranscriptionJobs {
  private final SpokenAttemptRepository attempts;
  private final SpokenAudioRepository audio;
  private final Outbox outbox;
  private final SpeechSettings settings;
  private final QueueSettings queue;

  public TranscriptionJobs(
      SpokenAttemptRepository attempts,
      SpokenAudioRepository audio,
      Outbox outbox,
      SpeechSettings settings,
      QueueSettings queue) {
    this.attempts = attempts;
    this.audio = audio;
    this.outbox = outbox;
    this.settings = settings;
    this.queue = queue;
  }

  /** Throws a 429 when the candidate already has as many unfinished jobs as allowed. */
  public void requireRoom(String candidateId) {
    long unfinished = attempts.countUnfinished(candidateId);
    if (unfinished >= queue.maxWaitingPerCandidate()) {
      throw new QueueFullException(
          "you already have "
              + unfinished
              + " spoken answers waiting to be transcribed (the most at once is "
              + queue.maxWaitingPerCandidate()
              + "): send this one again when one of them is done",
          queue.retryAfter());
    }
  }

  /** A claimed job, its audio and the trace of the upload that queued it. */
  public record Claim(SpokenAttempt attempt, byte[] pcm, @Nullable String traceParent) {}

  /** Checks the cap again under a per-candidate lock, so concurrent uploads cannot exceed it. */
  @Transactional
  public SpokenAttempt enqueue(
      String candidateId, String questionId, @Nullable UUID sessionId, Audio upload) {
    attempts.lockQueueOf(candidateId);
    requireRoom(candidateId);
    Instant now = Instant.now();
    SpokenAttempt attempt =
        attempts.save(
            new SpokenAttempt(
                UUID.randomUUID(),
                candidateId,
                questionId,
                Status.QUEUED,
                0,
                round(upload.seconds()),
                upload.sourceRate(),
                upload.sourceChannels(),
                null,
                null,
                null,
                null,
                0,
                now,
                now,
                sessionId));
    audio.save(new SpokenAudio(attempt.id(), upload.pcm()));
    String traceParent = Traces.currentParent();
    if (traceParent != null) {
      attempts.traced(attempt.id(), traceParent);
    }
    return attempt;
  }

  @Transactional
  public Optional<Claim> claim() {
    return attempts
        .claimNext(Instant.now().minus(settings.lease()))
        .map(
            job -> {
              SpokenAttempt running =
                  attempts.update(
                      with(job, Status.TRANSCRIBING, 0, null, null, null, null, job.tries() + 1));
              attempts.started(job.id(), running.updatedAt());
              byte[] pcm = audio.findById(job.id()).map(SpokenAudio::pcm).orElse(null);
              return new Claim(running, pcm, attempts.traceParentOf(job.id()).orElse(null));
            });
  }

  /** False when the job's lease was lost (another worker has it now). */
  @Transactional
  public boolean renew(SpokenAttempt job, int percent) {
    return attempts.renew(job.id(), job.tries(), percent) > 0;
  }

  /** Stores the transcript and queues its event; false (nothing written) if the lease was lost. */
  @Transactional
  public boolean complete(SpokenAttempt job, Recognition heard, TranscriptReady.Fluency fluency) {
    if (!renew(job, 100)) {
      return false;
    }
    SpokenAttempt done =
        attempts.update(
            with(
                job,
                Status.TRANSCRIBED,
                100,
                heard.text(),
                heard.words(),
                fluency,
                null,
                job.tries()));
    dropAudio(job.id());
    publish(done);
    return true;
  }

  /**
   * A live answer, recognised as it was spoken: stored already transcribed and published like an
   * upload's transcript. Its audio is kept only where uploads' would be ({@code pcm} null
   * otherwise).
   */
  @Transactional
  public SpokenAttempt recordLive(
      UUID id,
      String candidateId,
      String questionId,
      @Nullable UUID sessionId,
      Recognition heard,
      double seconds,
      @Nullable byte[] pcm) {
    Instant now = Instant.now();
    SpokenAttempt done =
        attempts.save(
            new SpokenAttempt(
                id,
                candidateId,
                questionId,
                Status.TRANSCRIBED,
                100,
                round(seconds),
                VoskEngine.SAMPLE_RATE,
                1,
                heard.text(),
                heard.words(),
                Fluency.of(heard.words(), seconds),
                null,
                0,
                now,
                now,
                sessionId));
    if (pcm != null && settings.retainAudio()) {
      audio.save(new SpokenAudio(id, pcm));
    }
    publish(done);
    return done;
  }

  private void publish(SpokenAttempt done) {
    outbox.publish(
        Topics.SPEECH_TRANSCRIPTS,
        done.id().toString(),
        new TranscriptReady(
            UUID.randomUUID(),
            TranscriptReady.SCHEMA_VERSION,
            Instant.now(),
            done.id(),
            done.candidateId(),
            done.questionId(),
            done.transcript(),
            done.words().stream()
                .map(w -> new TranscriptReady.Word(w.word(), w.start(), w.end(), w.confidence()))
                .toList(),
            done.durationSeconds(),
            done.fluency(),
            done.sessionId()));
  }

  /**
   * Gives up for good ({@code retry} false, or out of tries), or puts the job back in the queue.
   */
  @Transactional
  public void fail(SpokenAttempt job, String error, boolean retry) {
    if (!renew(job, 0)) {
      return; // taken over: the new worker decides
    }
    if (retry && job.tries() < settings.maxTries()) {
      attempts.update(with(job, Status.QUEUED, 0, null, null, null, null, job.tries()));
      return;
    }
    attempts.update(with(job, Status.FAILED, 100, null, null, null, error, job.tries()));
    dropAudio(job.id());
  }

  private void dropAudio(UUID id) {
    if (!settings.retainAudio()) {
      audio.deleteById(id);
    }
  }

  private static SpokenAttempt with(
      SpokenAttempt a,
      Status status,
      int percent,
      String transcript,
      List<RecognizedWord> words,
      TranscriptReady.Fluency fluency,
      String error,
      int tries) {
    return new SpokenAttempt(
        a.id(),
        a.candidateId(),
        a.questionId(),
        status,
        percent,
        a.durationSeconds(),
        a.sourceRate(),
        a.sourceChannels(),
        transcript,
        words,
        fluency,
        error,
        tries,
        a.createdAt(),
        Instant.now(),
        a.sessionId());
  }

  private static double round(double seconds) {
    return Math.round(seconds * 100) / 100.0;
  }
}

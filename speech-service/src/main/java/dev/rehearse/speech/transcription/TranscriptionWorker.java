package dev.rehearse.speech.transcription;

import dev.rehearse.platform.trace.Traces;
import dev.rehearse.speech.vosk.Recognition;
import dev.rehearse.speech.vosk.VoskEngine;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import io.opentelemetry.api.trace.SpanKind;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes queued spoken answers one at a time and transcribes them, reporting progress as it goes.
 * Several instances (or a restarted one) share the queue through SKIP LOCKED claims; a job whose
 * worker died is taken over once its heartbeat is older than {@code
 * rehearse.speech.stale-job-after}.
 */
@Singleton
@Requires(property = "rehearse.speech.worker.enabled", notEquals = "false")
public class TranscriptionWorker {
  private static final Logger LOG = LoggerFactory.getLogger(TranscriptionWorker.class);
  private final TranscriptionJobs jobs;
  private final VoskEngine vosk;
  private final TranscriptionMeters meters;
  private final Traces traces;
  private final ExecutorService executor;

  /** One loop per instance at a time; a wake-up that finds it busy leaves a note instead. */
  private final ReentrantLock running = new ReentrantLock();

  private final AtomicBoolean wokenWhileBusy = new AtomicBoolean();
  private volatile boolean stopping;

  public TranscriptionWorker(
      TranscriptionJobs jobs,
      VoskEngine vosk,
      TranscriptionMeters meters,
      Traces traces,
      @Named(TaskExecutors.IO) ExecutorService executor) {
    this.jobs = jobs;
    this.traces = traces;
    this.vosk = vosk;
    this.meters = meters;
    this.executor = executor;
  }

  /**
   * A job was queued here: start now. Jobs queued by other instances are found by the scheduled
   * tick.
   */
  @EventListener
  void onQueued(JobQueued event) {
    executor.execute(this::work);
  }

  @Scheduled(fixedDelay = "${rehearse.speech.worker.poll-interval:250ms}", initialDelay = "1s")
  void work() {
    if (!running.tryLock()) {
      wokenWhileBusy.set(true);
      return;
    }
    try {
      do {
        wokenWhileBusy.set(false);
        while (!stopping && runNext()) {
          // keep going while the queue has jobs
        }
      } while (!stopping && wokenWhileBusy.get());
    } catch (RuntimeException e) {
      if (!stopping) {
        LOG.warn("transcription worker could not claim a job; retrying on the next tick", e);
      }
    } finally {
      running.unlock();
    }
  }

  /**
   * A tick still running while the application shuts down ends quietly; its job is taken over
   * later.
   */
  @PreDestroy
  void stop() {
    stopping = true;
  }

  /** Transcribes the next job; false when the queue is empty. */
  boolean runNext() {
    var claim = jobs.claim();
    if (claim.isEmpty()) {
      return false;
    }
    // the upload's trace goes on here, whichever thread or instance took the job
    try (var span =
        traces.continueFrom(claim.get().traceParent(), "transcribe", SpanKind.CONSUMER)) {
      transcribe(claim.get().attempt(), claim.get().pcm());
    }
    return true;
  }

  private void transcribe(SpokenAttempt job, byte[] pcm) {
    if (pcm == null) {
      jobs.fail(job, "the recording is no longer stored; please record the answer again", false);
      return;
    }
    try {
      int[] reported = {0};
      long start = System.nanoTime();
      Recognition heard =
          vosk.transcribe(
              pcm,
              fraction -> {
                int percent = (int) Math.min(99, Math.floor(fraction * 100));
                if (percent > reported[0]) {
                  reported[0] = percent;
                  jobs.progress(job.id(), percent);
                }
              });
      meters.transcribed(pcm, System.nanoTime() - start);
      if (heard.words().isEmpty()) {
        jobs.fail(
            job,
            "no words could be made out: speak closer to the microphone, with less background noise",
            false);
      } else {
        jobs.complete(job, heard, Fluency.of(heard.words(), job.durationSeconds()));
        LOG.info(
            "Transcribed spoken attempt {}: {} words in {} s of audio",
            job.id(),
            heard.words().size(),
            job.durationSeconds());
      }
    } catch (RuntimeException e) {
      LOG.error("transcription of {} failed (try {})", job.id(), job.tries(), e);
      jobs.fail(job, "transcription failed; please try again later", true);
    }
  }
}

package dev.rehearse.speech.transcription;

import dev.rehearse.platform.trace.Traces;
import dev.rehearse.speech.SpeechSettings;
import dev.rehearse.speech.vosk.Recognition;
import dev.rehearse.speech.vosk.VoskEngine;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.scheduling.annotation.Scheduled;
import io.opentelemetry.api.trace.SpanKind;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes queued spoken answers one at a time and transcribes them, reporting progress as it goes.
 * Several instances (or a restarted one) share the queue through SKIP LOCKED claims. A claim is a
 * lease ({@code rehearse.speech.lease}) that the worker renews every third of its length while it
 * transcribes, however slowly; a job whose worker died is taken over once its lease ran out.
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
  private final TaskScheduler scheduler;
  private final Duration renewEvery;

  /** One loop per instance at a time; a wake-up that finds it busy leaves a note instead. */
  private final ReentrantLock running = new ReentrantLock();

  private final AtomicBoolean wokenWhileBusy = new AtomicBoolean();
  private volatile boolean stopping;

  public TranscriptionWorker(
      TranscriptionJobs jobs,
      VoskEngine vosk,
      TranscriptionMeters meters,
      Traces traces,
      @Named(TaskExecutors.IO) ExecutorService executor,
      @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
      SpeechSettings settings) {
    this.jobs = jobs;
    this.vosk = vosk;
    this.meters = meters;
    this.traces = traces;
    this.executor = executor;
    this.scheduler = scheduler;
    this.renewEvery = settings.lease().dividedBy(3);
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
    LOG.info(
        "transcribing {} ({} s of audio, try {})", job.id(), job.durationSeconds(), job.tries());
    AtomicInteger reported = new AtomicInteger();
    ScheduledFuture<?> renewal =
        scheduler.scheduleWithFixedDelay(renewEvery, renewEvery, () -> renew(job, reported.get()));
    try {
      long start = System.nanoTime();
      Recognition heard =
          vosk.transcribe(
              pcm,
              fraction -> {
                int percent = (int) Math.min(99, Math.floor(fraction * 100));
                if (percent > reported.getAndAccumulate(percent, Math::max)) {
                  renew(job, percent);
                }
              });
      meters.transcribed(pcm, System.nanoTime() - start);
      if (heard.words().isEmpty()) {
        jobs.fail(
            job,
            "no words could be made out: speak closer to the microphone, with less background noise",
            false);
      } else if (!jobs.complete(job, heard, Fluency.of(heard.words(), job.durationSeconds()))) {
        LOG.warn("transcription of {} dropped: its lease ran out and another took it", job.id());
      } else {
        LOG.info(
            "Transcribed spoken attempt {}: {} words in {} s of audio",
            job.id(),
            heard.words().size(),
            job.durationSeconds());
      }
    } catch (RuntimeException e) {
      LOG.error("transcription of {} failed (try {})", job.id(), job.tries(), e);
      jobs.fail(job, "transcription failed; please try again later", true);
    } finally {
      renewal.cancel(false);
    }
  }

  /** Keeps the lease; a renewal that fails (the database away a moment) is tried on the next. */
  private void renew(SpokenAttempt job, int percent) {
    try {
      if (!jobs.renew(job, percent)) {
        LOG.warn("lease of {} lost: another worker has taken the job over", job.id());
      }
    } catch (RuntimeException e) {
      LOG.warn("could not renew the lease of {}: {}", job.id(), e.toString());
    }
  }
}

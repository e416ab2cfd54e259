package dev.rehearse.speech.live;

import dev.rehearse.contracts.CoachQuestionIds;
import dev.rehearse.platform.trace.Traces;
import dev.rehearse.speech.SpeechSettings;
import dev.rehearse.speech.catalog.CatalogRepository;
import dev.rehearse.speech.transcription.TranscriptionJobs;
import dev.rehearse.speech.vosk.Recognition;
import dev.rehearse.speech.vosk.VoskEngine;
import dev.rehearse.speech.vosk.VoskStream;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.opentelemetry.api.trace.SpanKind;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's live answers, one per candidate, and the threads that recognise them. Opening a
 * socket starts an answer, carries on the candidate's answer to the same question (dropped, or on a
 * socket the candidate has left without the server knowing yet), or is refused while an answer of
 * theirs to another question is open. A dropped answer not resumed within {@code
 * rehearse.speech.live.resume-within} is submitted as it is: nothing said is lost. Made at
 * start-up, so its gauge of open answers is there before the first answer.
 */
@Context
public class LiveAnswers {
  private static final Logger LOG = LoggerFactory.getLogger(LiveAnswers.class);
  private final Map<String, LiveAnswer> byCandidate = new ConcurrentHashMap<>();
  private final ExecutorService recognition;
  private final VoskEngine vosk;
  private final TranscriptionJobs jobs;
  private final CatalogRepository catalog;
  private final ObjectMapper json;
  private final LiveSettings settings;
  private final boolean keepAudio;
  private final Traces traces;

  public LiveAnswers(
      VoskEngine vosk,
      TranscriptionJobs jobs,
      CatalogRepository catalog,
      ObjectMapper json,
      LiveSettings settings,
      SpeechSettings speech,
      MeterRegistry registry,
      Traces traces) {
    this.vosk = vosk;
    this.traces = traces;
    this.jobs = jobs;
    this.catalog = catalog;
    this.json = json;
    this.settings = settings;
    this.keepAudio = speech.retainAudio();
    AtomicInteger n = new AtomicInteger();
    this.recognition =
        Executors.newFixedThreadPool(
            settings.threadCount(),
            r -> {
              Thread t = new Thread(r, "live-recognition-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    Gauge.builder("rehearse.live.answers.open", byCandidate, Map::size)
        .description("Live answers this instance holds, dropped ones awaiting resumption included")
        .register(registry);
  }

  /** The longest answer a client may ask for, in seconds. */
  int maxSeconds() {
    return (int) settings.maxDuration().toSeconds();
  }

  /** Starts or resumes the candidate's answer on {@code socket}; a refusal says why. */
  LiveAnswer open(
      String candidateId,
      String questionId,
      @Nullable UUID sessionId,
      int maxSeconds,
      WebSocketSession socket,
      @Nullable String traceParent) {
    LiveAnswer[] opened = new LiveAnswer[1];
    byCandidate.compute(
        candidateId,
        (id, current) -> {
          // the same question again: a reload, or a connection lost without a close the server
          // has seen yet; the newer socket carries on, and an older one still open is closed
          if (current != null && current.questionId.equals(questionId)) {
            current.resume(socket);
            opened[0] = current;
            return current;
          }
          if (current != null && !current.isDropped()) {
            throw new Refused(
                Closing.of(
                    Closing.POLICY,
                    "you are already answering another question live in another window: stop that"
                        + " answer first"));
          }
          if (current != null) {
            current.submitDropped(); // the candidate moved on to another question
          } else if (byCandidate.size() >= settings.openLimit()) {
            throw new Refused(
                Closing.of(
                    Closing.TRY_LATER,
                    "every live-answer slot is busy: try again in a minute, or record and upload"));
          }
          opened[0] =
              new LiveAnswer(
                  this, id, questionId, sessionId, maxSeconds, socket, keepAudio, traceParent);
          return opened[0];
        });
    return opened[0];
  }

  @Scheduled(fixedDelay = "1s")
  void submitUnresumed() {
    long after = settings.resumeWithin().toNanos();
    byCandidate.forEach(
        (id, answer) ->
            byCandidate.computeIfPresent(
                id,
                (k, a) -> {
                  if (a.droppedLongerThan(after)) {
                    a.submitDropped();
                    return null;
                  }
                  return a;
                }));
  }

  void forget(LiveAnswer answer) {
    byCandidate.remove(answer.candidateId, answer);
  }

  boolean questionExists(String questionId) {
    return catalog.existsById(questionId) || CoachQuestionIds.isCoachQuestion(questionId);
  }

  VoskStream openStream() {
    return vosk.openStream();
  }

  /** In the trace of the handshake that started the answer, as an upload's job would be. */
  void submit(LiveAnswer answer, Recognition heard, double seconds, @Nullable byte[] pcm) {
    try (var span = traces.continueFrom(answer.traceParent, "live answer", SpanKind.SERVER)) {
      jobs.recordLive(
          answer.id, answer.candidateId, answer.questionId, answer.sessionId, heard, seconds, pcm);
      LOG.info(
          "Transcribed live answer {} of candidate {}: {} words in {} s",
          answer.id,
          answer.candidateId,
          heard.words().size(),
          seconds);
    }
  }

  double burstAheadSeconds() {
    return settings.burstAhead().toMillis() / 1000.0;
  }

  void execute(Runnable task) {
    recognition.execute(task);
  }

  void send(@Nullable WebSocketSession socket, LiveMessage message) {
    if (socket != null && socket.isOpen()) {
      try {
        socket.sendAsync(json.writeValueAsString(message));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  <T> Optional<T> read(byte[] message, Class<T> type) {
    try {
      return Optional.ofNullable(json.readValue(message, type));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  @PreDestroy
  void stop() {
    recognition.shutdownNow();
  }

  /** Why a socket may not start an answer. */
  static final class Refused extends RuntimeException {
    final transient CloseReason reason;

    Refused(CloseReason reason) {
      super(reason.getReason(), null, false, false);
      this.reason = reason;
    }
  }
}

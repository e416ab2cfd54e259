package dev.rehearse.speech.live;

import dev.rehearse.speech.live.LiveMessage.Command;
import dev.rehearse.speech.live.LiveMessage.Final;
import dev.rehearse.speech.live.LiveMessage.MarkedWord;
import dev.rehearse.speech.live.LiveMessage.Partial;
import dev.rehearse.speech.live.LiveMessage.Ready;
import dev.rehearse.speech.live.LiveMessage.Segment;
import dev.rehearse.speech.transcription.Fluency;
import dev.rehearse.speech.vosk.Recognition;
import dev.rehearse.speech.vosk.RecognizedWord;
import dev.rehearse.speech.vosk.VoskEngine;
import dev.rehearse.speech.vosk.VoskStream;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One candidate's live answer. The socket's event loop only checks and queues what arrives; a
 * recognition thread drains the queue in order (a recognizer serves one caller at a time), sends
 * partial results, and finishes the answer on stop, at the time limit, or when a dropped answer is
 * not resumed. Everything the recognizer heard is touched by the draining thread only.
 */
final class LiveAnswer {
  private static final Logger LOG = LoggerFactory.getLogger(LiveAnswer.class);
  private static final double BYTES_PER_SECOND = VoskEngine.SAMPLE_RATE * 2.0;

  /** Items drained after some frames before a partial goes out: no answer holds a thread long. */
  private static final int DRAIN_BATCH = 16;

  private enum Step {
    START,
    RESUME,
    STOP,
    DISCARD,
    SUBMIT_DROPPED
  }

  final UUID id;
  final String candidateId;
  final String questionId;
  @Nullable final UUID sessionId;
  final int maxSeconds;
  @Nullable final String traceParent; // the opening handshake's: the answer's work continues it
  private final LiveAnswers owner;
  private final Queue<Object> inbox = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  // the draining thread's
  private VoskStream stream;
  private final List<RecognizedWord> words = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  @Nullable private final ByteArrayOutputStream kept;
  private boolean finished;

  // the socket's
  private volatile WebSocketSession socket;
  private volatile boolean ending;
  private volatile long detachedAt;
  private volatile long attachedAt;
  private volatile long bytesSinceAttach;

  LiveAnswer(
      LiveAnswers owner,
      String candidateId,
      String questionId,
      @Nullable UUID sessionId,
      int maxSeconds,
      WebSocketSession socket,
      boolean keepAudio,
      @Nullable String traceParent) {
    this.owner = owner;
    this.traceParent = traceParent;
    this.id = UUID.randomUUID();
    this.candidateId = candidateId;
    this.questionId = questionId;
    this.sessionId = sessionId;
    this.maxSeconds = maxSeconds;
    this.kept = keepAudio ? new ByteArrayOutputStream() : null;
    attach(socket, Step.START);
  }

  /** A new socket of the same candidate carries on this answer; an older one is closed. */
  void resume(WebSocketSession newSocket) {
    WebSocketSession older = socket;
    attach(newSocket, Step.RESUME);
    if (older != null && older.isOpen()) {
      older.close(
          Closing.of(Closing.POLICY, "this answer goes on in a newer window or connection"));
    }
  }

  private void attach(WebSocketSession newSocket, Step step) {
    socket = newSocket;
    attachedAt = System.nanoTime();
    bytesSinceAttach = 0;
    enqueue(step);
  }

  boolean isDropped() {
    return socket == null && !ending;
  }

  boolean droppedLongerThan(long nanos) {
    return isDropped() && System.nanoTime() - detachedAt > nanos;
  }

  /** The socket went away without stop or discard: keep what was heard, to resume or submit. */
  void dropped(WebSocketSession from) {
    if (from == socket && !ending) {
      detachedAt = System.nanoTime();
      socket = null;
    }
  }

  /** Not resumed in time, or the candidate began another answer: submit what was heard. */
  void submitDropped() {
    ending = true;
    enqueue(Step.SUBMIT_DROPPED);
  }

  /** What the socket received: a control message, or audio checked here, on the event loop. */
  void received(byte[] message, WebSocketSession from) {
    if (from != socket || ending) {
      return; // a socket replaced by a resume, or an answer already ending
    }
    if (Frames.isCommand(message)) {
      command(message, from);
      return;
    }
    String problem = Frames.problem(message);
    if (problem != null) {
      abandon(from, Closing.of(Closing.BAD_FRAME, problem + "; nothing was submitted"));
      return;
    }
    bytesSinceAttach += message.length;
    double ahead =
        bytesSinceAttach / BYTES_PER_SECOND - (System.nanoTime() - attachedAt) / 1_000_000_000.0;
    if (ahead > owner.burstAheadSeconds()) {
      abandon(
          from,
          Closing.of(
              Closing.POLICY,
              "audio arrives faster than it is spoken: stream 16 kHz mono 16-bit PCM as recorded;"
                  + " nothing was submitted"));
      return;
    }
    enqueue(message);
  }

  private void command(byte[] message, WebSocketSession from) {
    String type = owner.read(message, Command.class).map(Command::type).orElse(null);
    if ("stop".equals(type) || "discard".equals(type)) {
      ending = true;
      owner.forget(this);
      enqueue("stop".equals(type) ? Step.STOP : Step.DISCARD);
    } else {
      abandon(
          from,
          Closing.of(
              Closing.BAD_FRAME,
              "unknown message: send PCM audio, {\"type\":\"stop\"} or {\"type\":\"discard\"};"
                  + " nothing was submitted"));
    }
  }

  /** Ends the answer at once, keeping nothing: what came was not audio this service can use. */
  private void abandon(WebSocketSession from, CloseReason reason) {
    ending = true;
    owner.forget(this);
    socket = null;
    from.close(reason);
    enqueue(Step.DISCARD);
  }

  private void enqueue(Object item) {
    inbox.add(item);
    if (scheduled.compareAndSet(false, true)) {
      owner.execute(this::drain);
    }
  }

  private void drain() {
    try {
      boolean fed = false;
      Object item;
      for (int n = 0; n < DRAIN_BATCH && (item = inbox.poll()) != null; n++) {
        if (!finished) {
          fed |= handle(item);
        }
      }
      if (fed && !finished) {
        String pending = stream.partial();
        owner.send(socket, new Partial(running(pending), pending, seconds()));
      }
    } catch (RuntimeException e) {
      fail(e);
    } finally {
      scheduled.set(false);
      if (!inbox.isEmpty() && scheduled.compareAndSet(false, true)) {
        owner.execute(this::drain);
      }
    }
  }

  /** True when it fed audio. */
  private boolean handle(Object item) {
    if (item instanceof byte[] frame) {
      feed(frame);
      return true;
    }
    switch ((Step) item) {
      case START -> start();
      case RESUME ->
          owner.send(socket, new Ready(id, maxSeconds, true, text.toString(), seconds()));
      case STOP -> finish("stopped");
      case DISCARD -> discard();
      case SUBMIT_DROPPED -> finish("connection-lost");
    }
    return false;
  }

  private void start() {
    if (!owner.questionExists(questionId)) {
      finished = true;
      ending = true;
      owner.forget(this);
      close(Closing.of(Closing.NOT_FOUND, "no question with id " + questionId));
      return;
    }
    stream = owner.openStream();
    owner.send(socket, new Ready(id, maxSeconds, false, "", 0));
  }

  private void feed(byte[] frame) {
    if (stream == null) {
      return; // START refused the answer
    }
    if (kept != null) {
      kept.writeBytes(frame);
    }
    if (stream.accept(frame)) {
      commit(stream.segment());
    }
    if (stream.seconds() >= maxSeconds) {
      ending = true;
      owner.forget(this);
      finish("time-limit");
    }
  }

  /** Adds a committed segment and tells the client its words, fillers and pauses marked. */
  private void commit(Recognition segment) {
    if (segment.words().isEmpty()) {
      return;
    }
    int from = words.size();
    words.addAll(segment.words());
    text.append(text.isEmpty() ? "" : " ").append(segment.text());
    // a mark looks at the words either side: the next ones are not heard yet, the one before is
    // given, so only the new words are marked, not the whole answer again
    int context = Math.max(0, from - 1);
    boolean[] fillers =
        Fluency.fillerMarks(
            words.subList(context, words.size()).stream().map(RecognizedWord::word).toList());
    List<MarkedWord> marked = new ArrayList<>();
    for (int i = from; i < words.size(); i++) {
      RecognizedWord w = words.get(i);
      double pause = i == 0 ? 0 : Math.max(0, w.start() - words.get(i - 1).end());
      marked.add(
          new MarkedWord(
              w.word(), w.start(), w.end(), w.confidence(), fillers[i - context], round(pause)));
    }
    owner.send(socket, new Segment(marked));
  }

  private void finish(String reason) {
    finished = true;
    if (stream == null) {
      return;
    }
    commit(stream.finish());
    double seconds = seconds();
    stream.close();
    if (words.isEmpty()) {
      close(
          Closing.of(
              Closing.NOTHING_HEARD,
              "no words could be made out: speak closer to the microphone; nothing was submitted"));
      return;
    }
    owner.submit(this, new Recognition(text.toString(), List.copyOf(words)), seconds, audio());
    owner.send(socket, new Final(text.toString(), id, round(seconds), reason));
    close(Closing.done());
  }

  private void discard() {
    finished = true;
    if (stream != null) {
      stream.close();
    }
    close(new CloseReason(CloseReason.NORMAL.getCode(), "discarded: nothing was submitted"));
  }

  private void fail(RuntimeException e) {
    LOG.error("live answer {} failed", id, e);
    finished = true;
    ending = true;
    owner.forget(this);
    if (stream != null) {
      stream.close();
    }
    close(
        Closing.of(
            Closing.SERVER_ERROR, "the live answer failed on the server; please answer again"));
  }

  private void close(CloseReason reason) {
    WebSocketSession s = socket;
    if (s != null && s.isOpen()) {
      s.close(reason);
    }
  }

  private String running(String pending) {
    if (pending.isEmpty()) {
      return text.toString();
    }
    return text.isEmpty() ? pending : text + " " + pending;
  }

  private double seconds() {
    return stream == null ? 0 : round(stream.seconds());
  }

  @Nullable
  private byte[] audio() {
    return kept == null ? null : kept.toByteArray();
  }

  private static double round(double seconds) {
    return Math.round(seconds * 1000) / 1000.0;
  }
}

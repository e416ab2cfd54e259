package dev.rehearse.platform.trace;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * W3C trace context where HTTP instrumentation cannot carry it: written down with work that waits
 * in a table or a topic ({@link #currentParent()}), and continued by whoever picks the work up
 * ({@link #continueFrom}), so the logs of every step carry the first request's trace id.
 */
@Singleton
public class Traces {
  /** The W3C header, and the name it is stored under in record headers. */
  public static final String TRACEPARENT = "traceparent";

  /** The request attribute {@link TraceIdFilter} notes the trace id in. */
  static final String TRACE_ID = "rehearse.trace-id";

  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
  private static final TextMapGetter<Map<String, String>> FROM_MAP =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(@Nullable Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private final Tracer tracer;

  public Traces(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("dev.rehearse");
  }

  /** The current span as a {@code traceparent} value; null outside any trace. */
  public static @Nullable String currentParent() {
    Map<String, String> headers = new HashMap<>(2);
    W3C.inject(Context.current(), headers, Map::put);
    return headers.get(TRACEPARENT);
  }

  /**
   * The trace a WebSocket's work belongs to: the current span while its handshake is being
   * answered, else the {@code traceparent} the handshake came with.
   */
  public static @Nullable String parentOf(HttpRequest<?> handshake) {
    String current = currentParent();
    return current != null ? current : handshake.getHeaders().get(TRACEPARENT);
  }

  /** The current trace's id (32 hex digits); null outside any trace. */
  public static @Nullable String currentTraceId() {
    SpanContext span = Span.current().getSpanContext();
    return span.isValid() ? span.getTraceId() : null;
  }

  /** The trace id of the request being answered; null when it was not traced. */
  public static @Nullable String traceId(HttpRequest<?> request) {
    return request.getAttribute(TRACE_ID, String.class).orElseGet(Traces::currentTraceId);
  }

  /**
   * Starts a span named {@code name} as a child of {@code traceparent} (a new trace when it is null
   * or malformed) and makes it current until {@link Continued#close()}.
   */
  public Continued continueFrom(@Nullable String traceparent, String name, SpanKind kind) {
    Context parent =
        traceparent == null
            ? Context.root()
            : W3C.extract(Context.root(), Map.of(TRACEPARENT, traceparent), FROM_MAP);
    Span span = tracer.spanBuilder(name).setParent(parent).setSpanKind(kind).startSpan();
    return new Continued(span, span.makeCurrent());
  }

  /**
   * Continues the trace of a consumed record (its {@code traceparent} header, written by the outbox
   * relay) while it is handled.
   */
  public Continued continueRecord(ConsumerRecord<?, ?> record) {
    Header header = record.headers().lastHeader(TRACEPARENT);
    String parent = header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    return continueFrom(parent, record.topic() + " process", SpanKind.CONSUMER);
  }

  /** A continued span, current on this thread until closed. */
  public static final class Continued implements AutoCloseable {
    private final Span span;
    private final Scope scope;

    private Continued(Span span, Scope scope) {
      this.span = span;
      this.scope = scope;
    }

    @Override
    public void close() {
      scope.close();
      span.end();
    }
  }
}

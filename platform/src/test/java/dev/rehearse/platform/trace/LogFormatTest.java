package dev.rehearse.platform.trace;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The services' shared logback configuration ({@code dev/rehearse/platform/logging.xml}): every
 * line names its trace and span, as text or, with {@code REHEARSE_LOG_FORMAT=json}, as JSON lines.
 */
class LogFormatTest {
  static final String TRACE_ID = "5b8efff798038103d269b633813fc60c";
  static final String SPAN_ID = "eee19b7ec3c1b174";

  @Test
  void aTextLineNamesTheTraceAndSpanItWasWrittenIn() {
    assertThat(logInSpan(null, "transcribed"))
        .singleElement()
        .satisfies(
            line -> assertThat(line).contains("[" + TRACE_ID + " " + SPAN_ID + "]", "transcribed"));
  }

  @Test
  void aTextLineOutsideAnyTraceShowsDashes() {
    assertThat(log(null, "started"))
        .singleElement()
        .satisfies(line -> assertThat(line).contains("[- -]", "started"));
  }

  @Test
  void theJsonFormatWritesOneObjectPerLineWithTheSameFields() throws IOException {
    String[] lines = logInSpan("json", "scored 7 of 10");
    assertThat(lines).hasSize(1);
    JsonNode line = new ObjectMapper().readTree(lines[0]);
    assertThat(line.get("level").asText()).isEqualTo("INFO");
    assertThat(line.get("loggerName").asText()).isEqualTo("dev.rehearse.test");
    assertThat(line.get("formattedMessage").asText()).isEqualTo("scored 7 of 10");
    assertThat(line.get("mdc").get("trace_id").asText()).isEqualTo(TRACE_ID);
    assertThat(line.get("mdc").get("span_id").asText()).isEqualTo(SPAN_ID);
  }

  private static String[] logInSpan(String format, String message) {
    SpanContext span =
        SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault());
    try (Scope ignored = Span.wrap(span).makeCurrent()) {
      return log(format, message);
    }
  }

  /** Configures a fresh logback from the shared file, logs one line and returns its output. */
  private static String[] log(String format, String message) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter()); // as SLF4J's provider gives the real one
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      if (format != null) {
        context.putProperty("REHEARSE_LOG_FORMAT", format);
      }
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(
          new ByteArrayInputStream(
              "<configuration><include resource=\"dev/rehearse/platform/logging.xml\"/></configuration>"
                  .getBytes(StandardCharsets.UTF_8)));
      context.getLogger("dev.rehearse.test").info(message);
    } catch (JoranException e) {
      throw new IllegalStateException(e);
    } finally {
      context.stop();
      System.setOut(original);
    }
    // this logger's lines only: other tests' application contexts in this JVM write to System.out
    // too
    return out.toString(StandardCharsets.UTF_8)
        .lines()
        .filter(line -> line.contains("dev.rehearse.test"))
        .toArray(String[]::new);
  }
}

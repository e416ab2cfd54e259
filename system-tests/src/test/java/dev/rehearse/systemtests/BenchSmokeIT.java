package dev.rehearse.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every benchmark harness (bench/NAME/run.sh) in smoke mode, BENCH_SMOKE=1: the same run on few
 * requests, so a harness that stopped working against today's suite fails the build instead of the
 * next person who measures. Each run must end in RESULT: PASS with no error answers and print every
 * figure of a full run; timing targets are not checked. Two run at a time, on free ports, after the
 * shared suite is stopped. bench/scale is compiled, not run, here (ScaleHarnessTest): its run
 * starts a second speech-service and costs a minute the build does not have.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(
    Order.DEFAULT + 2) // last: after RunningSuiteIT stopped the shared suite, CrashSafetyIT its own
class BenchSmokeIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  private static final String NUMBER = "-?\\d+(\\.\\d+)?";

  /** Longest first, so the two lanes finish close together. */
  private static final List<String> BENCHMARKS =
      List.of("speech", "assessment", "question", "gateway");

  private final ExecutorService lanes = Executors.newFixedThreadPool(2);
  private final Map<String, Future<Script.Result>> runs = new LinkedHashMap<>();

  @BeforeAll
  void startEveryBenchmark() {
    for (String name : BENCHMARKS) {
      runs.put(name, lanes.submit(() -> smokeRun(name)));
    }
  }

  @AfterAll
  void stop() {
    lanes.shutdownNow();
  }

  @Test
  void gatewayBenchmarkTimesEachPathDirectThroughTheGatewayAndThroughABareHop() {
    String output = passed("gateway");
    for (String path :
        List.of("/api/questions?size=20", "/api/questions?q=rollback&size=10", "/api/roles")) {
      assertThat(count(output, "^" + Pattern.quote(path) + " +direct" + figures(4) + "$"))
          .as(path + " direct, both runs")
          .isEqualTo(2);
    }
    assertThat(count(output, "^ +gateway" + figures(4) + "$"))
        .as("through the gateway")
        .isEqualTo(3);
    assertThat(count(output, "^ +bare" + figures(4) + "$")).as("through the bare hop").isEqualTo(3);
    assertThat(count(output, "^ +added at p50: " + NUMBER + " ms \\(" + NUMBER + "%\\)$"))
        .isEqualTo(6);
    assertThat(output).contains("(floor run: no target)");
  }

  @Test
  void questionBenchmarkAnswersEveryPhaseWithoutErrors() {
    String output = passed("question");
    for (String phase :
        List.of(
            "baseline GET /health/liveness",
            "search GET /api/questions?q=",
            "practice POST /api/practice-sets")) {
      Matcher row =
          Pattern.compile(
                  "^" + Pattern.quote(phase) + " +(\\d+) +(\\d+)" + figures(5) + "$",
                  Pattern.MULTILINE)
              .matcher(output);
      assertThat(row.find()).as(phase + " row").isTrue();
      assertThat(Integer.parseInt(row.group(1))).as(phase + " requests sent").isPositive();
      assertThat(row.group(2)).as(phase + " errors").isEqualTo("0");
    }
    assertThat(
            count(
                output,
                "ratio to baseline: p50 x"
                    + NUMBER
                    + ", p95 x"
                    + NUMBER
                    + ", p99 x"
                    + NUMBER
                    + "$"))
        .isEqualTo(2);
    assertThat(output).doesNotContain("error in ");
  }

  @Test
  void speechBenchmarkReportsTranscriptionDrillLatencyThroughputAndAccuracy() {
    String output = passed("speech");
    assertThat(count(output, "RTF " + NUMBER + "\\); service overhead " + NUMBER + "%$"))
        .as("transcription")
        .isEqualTo(1);
    for (String label :
        List.of(
            "speech-service direct",
            "through the gateway",
            "raw Vosk grammar pass",
            "raw Vosk free pass",
            "latency under 2 clients",
            "live 20 s, stop to score",
            "live 20 s, stop to final",
            "upload 20 s, stop to score",
            "live 2 min, stop to score",
            "live 2 min, stop to final",
            "upload 2 min, stop to score",
            "partial after a frame, gateway",
            "raw Vosk, one frame \\+ partial",
            "1 live answers, partial")) {
      assertThat(
              count(
                  output,
                  "^"
                      + label
                      + " +p50 +"
                      + NUMBER
                      + " ms +p95 +"
                      + NUMBER
                      + " ms +p99 +"
                      + NUMBER
                      + " ms"))
          .as(label)
          .isEqualTo(1);
    }
    assertThat(count(output, "^\\d+ drills in \\d+ s: " + NUMBER + " drills/s$"))
        .as("throughput")
        .isEqualTo(1);
    assertThat(
            count(
                output,
                "^capacity: \\d+ simultaneous live answers with partial p95 under 400 ms; raw Vosk RTF "
                    + NUMBER))
        .as("live capacity")
        .isEqualTo(1);
    assertThat(count(output, "^ratio p95: live is " + NUMBER + "x faster than the upload path$"))
        .as("live against upload")
        .isEqualTo(2);
    assertThat(
            count(
                output,
                "CORRECT/CLOSE: \\d+/[1-9]\\d* \\("
                    + NUMBER
                    + "%\\); said wrong, judged RETRY: \\d+/[1-9]\\d* \\("
                    + NUMBER
                    + "%\\)$"))
        .as("accuracy on recordings said right and said wrong")
        .isEqualTo(1);
  }

  @Test
  void assessmentBenchmarkScoresTypedAndSpokenAnswersAgainstTheBaseline() {
    String output = passed("assessment");
    for (String benchmark :
        List.of(
            "baselinePlainMatcher", "wordsOnlyTyped", "rubricScorerTyped", "rubricScorerSpoken")) {
      assertThat(count(output, "^" + benchmark + figures(4) + " +" + NUMBER + "x$"))
          .as(benchmark)
          .isEqualTo(1);
    }
    assertThat(count(output, "^typed p95 " + NUMBER + " ms \\(target < 50 ms\\): (PASS|FAIL)$"))
        .isEqualTo(1);
  }

  private Script.Result smokeRun(String name) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("BENCH_SMOKE", "1");
    // the reactor has just packaged every jar: a missing one is a failure, not a reason for a
    // nested build
    env.put("BENCH_BUILD", "never");
    List<Integer> free = FreePorts.take(Suite.PARTS.size() + 1);
    for (int i = 0; i < Suite.PARTS.size(); i++) {
      env.put("BENCH_" + Suite.PARTS.get(i).variable() + "_PORT", String.valueOf(free.get(i)));
    }
    env.put("BENCH_FLOOR_PORT", String.valueOf(free.get(Suite.PARTS.size())));
    return new Script(
            "bench/" + name, Suite.root().resolve("bench").resolve(name).resolve("run.sh"), env)
        .run(TIMEOUT);
  }

  /** The output of a run that exited 0 with the verdict RESULT: PASS. */
  private String passed(String name) {
    Script.Result result;
    try {
      result = runs.get(name).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new AssertionError("bench/" + name + "/run.sh could not run", e.getCause());
    }
    String output = result.output();
    assertThat(result.exitCode())
        .as("bench/%s/run.sh exit status; its output:%n%s", name, output)
        .isZero();
    assertThat(count(output, "^RESULT: PASS \\(smoke run: .*\\)$"))
        .as("bench/%s/run.sh verdict; its output:%n%s", name, output)
        .isEqualTo(1);
    assertThat(output).as("bench/%s/run.sh", name).doesNotContain("RESULT: FAIL");
    return output;
  }

  /** n figures in a row, separated by spaces. */
  private static String figures(int n) {
    return (" +" + NUMBER).repeat(n);
  }

  private static int count(String output, String regex) {
    Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(output);
    int found = 0;
    while (m.find()) {
      found++;
    }
    return found;
  }
}

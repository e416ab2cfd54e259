package dev.rehearse.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * bench/scale's harness compiles against the bench/speech classes it uses and the speech-service
 * jar the reactor built: the cheap half of keeping it from rotting (its smoke run is not part of
 * the build; see BenchSmokeIT).
 */
class ScaleHarnessTest {
  @Test
  void scaleBenchCompilesWithTheSpeechBenchesItUses() throws IOException, InterruptedException {
    Path root = Suite.root();
    Path jar = root.resolve("speech-service/target/speech-service-0.1.0-SNAPSHOT-all.jar");
    assertThat(jar).as("speech-service's runnable jar, packaged before system-tests").exists();
    Path out = Files.createTempDirectory("scale-bench-");
    Process javac =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "-nowarn",
                "-d",
                out.toString(),
                "-cp",
                jar.toString(),
                root.resolve("bench/speech/LiveBench.java").toString(),
                root.resolve("bench/speech/SpeechBench.java").toString(),
                root.resolve("bench/scale/ScaleBench.java").toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(javac.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(javac.exitValue()).as(output).isZero();
    assertThat(out.resolve("ScaleBench.class")).exists();
  }
}

package dev.rehearse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./rehearse's instances, without starting any: how --scale is read, and where each instance of a
 * scaled part would listen as status shows it (the part's port + 10 per instance).
 */
class RehearseScaleTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @TempDir Path home;

  private record Run(int exit, String output) {}

  @Test
  void statusListsEveryInstanceOfTheScaleKeptInTheHomeTenPortsApart() throws Exception {
    Files.writeString(home.resolve("scale"), "speech-service=2,gateway=3\n");
    Run status = rehearse(Map.of("REHEARSE_SPEECH_PORT", "9000"), "status");

    assertThat(status.exit()).as("nothing runs").isEqualTo(3);
    assertThat(status.output().lines().map(l -> l.replaceAll(" +", " ")))
        .contains(
            "question-service - 8081 STOPPED",
            "assessment-service - 8082 STOPPED",
            "speech-service - 9000 STOPPED",
            "speech-service-2 - 9010 STOPPED",
            "gateway - 8080 STOPPED",
            "gateway-2 - 8090 STOPPED",
            "gateway-3 - 8100 STOPPED")
        .noneMatch(l -> l.startsWith("question-service-2") || l.startsWith("speech-service-3"));
  }

  @Test
  void aScaleNamingNoServiceOrNoCountIsRefusedBeforeAnythingStarts() throws Exception {
    for (List<String> args :
        List.of(
            List.of("up", "--scale", "postgres=2"),
            List.of("up", "--scale", "speech-service=0"),
            List.of("up", "--scale=gateway"))) {
      Run up = rehearse(Map.of(), args.toArray(String[]::new));
      assertThat(up.exit()).as(String.join(" ", args)).isEqualTo(1);
      assertThat(up.output()).as(String.join(" ", args)).contains("--scale");
      assertThat(home.resolve("scale")).as("no scale kept").doesNotExist();
    }
    Run env = rehearse(Map.of("REHEARSE_SCALE", "gateway=two"), "up");
    assertThat(env.output()).contains("'gateway=two' must be <service>=<1 to 9>");
  }

  private Run rehearse(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
                Stream.concat(
                        Stream.of("bash", ROOT.resolve("rehearse").toString()), Stream.of(args))
                    .toList())
            .redirectErrorStream(true);
    builder.environment().put("REHEARSE_HOME", home.toString());
    builder.environment().put("REHEARSE_BUILD", "never");
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), output);
  }
}

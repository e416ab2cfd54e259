package dev.rehearse.systemtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the repository's scripts (./rehearse, bench/NAME/run.sh) as a developer would, with
 * its own environment.
 */
final class Script {
  record Result(int exitCode, String output) {}

  private final String name;
  private final Path script;
  private final Map<String, String> env;

  /** name: how the script's output lines are marked in the test log. */
  Script(String name, Path script, Map<String, String> env) {
    this.name = name;
    this.script = script;
    this.env = new LinkedHashMap<>(env);
  }

  /** Runs a command to the end, echoing its output into the test log as it comes. */
  Result run(Duration timeout, String... args) {
    return run(timeout, true, args);
  }

  /** Runs a command to the end, keeping its output out of the test log (pages of metrics, say). */
  Result capture(Duration timeout, String... args) {
    return run(timeout, false, args);
  }

  private Result run(Duration timeout, boolean echo, String... args) {
    String[] command = new String[args.length + 1];
    command[0] = script.toString();
    System.arraycopy(args, 0, command, 1, args.length);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(script.getParent().toFile())
            .redirectErrorStream(true);
    builder.environment().putAll(env);
    StringBuilder output = new StringBuilder();
    try {
      Process process = builder.start();
      Thread reader = new Thread(() -> copy(process, output, echo), name + "-output");
      reader.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        throw new AssertionError(
            script
                + " "
                + String.join(" ", args)
                + " did not finish in "
                + timeout
                + ":\n"
                + output);
      }
      reader.join(Duration.ofSeconds(10).toMillis());
      synchronized (output) {
        return new Result(process.exitValue(), output.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void copy(Process process, StringBuilder output, boolean echo) {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (echo) {
          System.out.println("[" + name + "] " + line);
        }
        synchronized (output) {
          output.append(line).append('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

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

/** Runs `./rehearse` as a developer would, against its own data directory and ports. */
final class RehearseScript {
  record Result(int exitCode, String output) {}

  private final Path script;
  private final Map<String, String> env;

  RehearseScript(Path root, Map<String, String> env) {
    this.script = root.resolve("rehearse");
    this.env = new LinkedHashMap<>(env);
  }

  /** Runs a command to the end, echoing its output into the test log as it comes. */
  Result run(Duration timeout, String... args) {
    String[] command = new String[args.length + 1];
    command[0] = script.toString();
    System.arraycopy(args, 0, command, 1, args.length);
    ProcessBuilder builder = new ProcessBuilder(command).directory(script.getParent().toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    StringBuilder output = new StringBuilder();
    try {
      Process process = builder.start();
      Thread reader = new Thread(() -> copy(process, output), "rehearse-" + args[0]);
      reader.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        throw new AssertionError("./rehearse " + String.join(" ", args) + " did not finish in " + timeout + ":\n" + output);
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

  private static void copy(Process process, StringBuilder output) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        System.out.println("[rehearse] " + line);
        synchronized (output) {
          output.append(line).append('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.rehearse.gateway.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Makes and rotates the gateway's key file (a JWK set of private keys, mode 600):
 *
 * <pre>
 *   java -cp gateway-all.jar dev.rehearse.gateway.keys.SigningKeysTool init FILE
 *   java -cp gateway-all.jar dev.rehearse.gateway.keys.SigningKeysTool rotate FILE [--publish-delay=10m] [--token-lifetime=15m]
 * </pre>
 *
 * {@code init} creates the file with one key unless it exists. {@code rotate} adds a key that signs
 * after the publish delay (longer than any cache of the JWKS) and drops keys whose last token has
 * expired. A running gateway reads the file again within {@code rehearse.auth.signing-keys-check}.
 */
public final class SigningKeysTool {
  static final Duration PUBLISH_DELAY = Duration.ofMinutes(10);
  static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

  private SigningKeysTool() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2 || !(args[0].equals("init") || args[0].equals("rotate"))) {
      System.err.println(
          "usage: SigningKeysTool init FILE | rotate FILE [--publish-delay=10m] [--token-lifetime=15m]");
      System.exit(2);
    }
    Path file = Path.of(args[1]);
    if (args[0].equals("init")) {
      System.out.println(init(file) ? "created " + file : file + " exists; left as it is");
    } else {
      Duration delay = option(args, "--publish-delay=", PUBLISH_DELAY);
      Duration lifetime = option(args, "--token-lifetime=", TOKEN_LIFETIME);
      KeySet rotated = rotate(file, Instant.now(), delay, lifetime);
      System.out.println(
          "added a key to "
              + file
              + " that signs from "
              + Instant.now().plus(delay)
              + "; it holds "
              + rotated.keys().size()
              + " keys");
    }
  }

  /** Creates {@code file} with one key that signs at once; false if it exists already. */
  public static boolean init(Path file) throws IOException {
    if (Files.exists(file)) {
      return false;
    }
    write(file, new KeySet(List.of(KeySet.generate(Instant.now()))));
    return true;
  }

  public static KeySet rotate(Path file, Instant now, Duration publishDelay, Duration tokenLifetime)
      throws IOException {
    KeySet rotated = KeySet.parse(Files.readString(file)).rotate(now, publishDelay, tokenLifetime);
    write(file, rotated);
    return rotated;
  }

  /** Written beside the target with mode 600 from the start, then moved over it in one step. */
  private static void write(Path file, KeySet keys) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp =
        Files.createTempFile(
            dir,
            ".signing-keys",
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.writeString(temp, keys.toJson());
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** A duration option such as {@code --publish-delay=10m} (s, m, h or d). */
  static Duration option(String[] args, String prefix, Duration fallback) {
    for (String arg : args) {
      if (arg.startsWith(prefix)) {
        return duration(arg.substring(prefix.length()));
      }
    }
    return fallback;
  }

  static Duration duration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (!t.matches("\\d+[smhd]")) {
      throw new IllegalArgumentException("a duration such as 90s, 10m, 1h or 2d, not " + text);
    }
    long n = Long.parseLong(t.substring(0, t.length() - 1));
    return switch (t.charAt(t.length() - 1)) {
      case 's' -> Duration.ofSeconds(n);
      case 'm' -> Duration.ofMinutes(n);
      case 'h' -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }
}

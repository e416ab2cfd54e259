package dev.rehearse.gateway.keys;

import com.nimbusds.jose.jwk.ECKey;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's signing keys, from {@code rehearse.auth.signing-keys} (the JWK set itself) or
 * {@code rehearse.auth.signing-keys-file} (a path). There is no default: without keys the gateway
 * does not start. A key file is read again when it changes, so {@code ./rehearse rotate-key} needs
 * no restart.
 */
@Context
public class SigningKeys {
  private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);
  static final String MISSING =
      "the gateway has no signing keys: set rehearse.auth.signing-keys-file"
          + " (REHEARSE_AUTH_SIGNING_KEYS_FILE) to a JWK set file made with"
          + " `java -cp gateway-all.jar dev.rehearse.gateway.keys.SigningKeysTool init <file>`,"
          + " or rehearse.auth.signing-keys (REHEARSE_AUTH_SIGNING_KEYS) to the JWK set JSON itself";

  private final Path file;
  private volatile KeySet keys;
  private volatile FileTime loadedVersion;

  public SigningKeys(
      @Value("${rehearse.auth.signing-keys:}") String inline,
      @Value("${rehearse.auth.signing-keys-file:}") String file) {
    if (!inline.isBlank()) {
      this.file = null;
      this.keys = parse(inline, "rehearse.auth.signing-keys");
    } else if (!file.isBlank()) {
      this.file = Path.of(file);
      reload();
    } else {
      throw new IllegalStateException(MISSING);
    }
  }

  /** The key that signs now. */
  public ECKey signingKey() {
    return keys.signingKey(Instant.now())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no signing key is active yet (every nbf is in the future)"));
  }

  /** Every key, active or still to come. */
  public KeySet keySet() {
    return keys;
  }

  @Scheduled(fixedDelay = "${rehearse.auth.signing-keys-check:30s}")
  void reload() {
    if (file == null) {
      return;
    }
    try {
      FileTime version = Files.getLastModifiedTime(file);
      if (version.equals(loadedVersion)) {
        return;
      }
      KeySet read = parse(Files.readString(file), file.toString());
      if (keys != null) {
        LOG.info("Signing keys reloaded from {}: {} keys", file, read.keys().size());
      }
      keys = read;
      loadedVersion = version;
    } catch (IOException e) {
      if (keys == null) {
        throw new UncheckedIOException(
            "cannot read the signing keys at " + file + "; " + MISSING, e);
      }
      LOG.warn(
          "Signing keys at {} not reloaded, keeping the ones loaded: {}", file, e.getMessage());
    } catch (IllegalArgumentException e) {
      if (keys == null) {
        throw e;
      }
      LOG.warn(
          "Signing keys at {} not reloaded, keeping the ones loaded: {}", file, e.getMessage());
    }
  }

  private static KeySet parse(String json, String where) {
    try {
      KeySet set = KeySet.parse(json);
      set.signingKey(Instant.now())
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "no key is active yet (every nbf is in the future)"));
      return set;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the signing keys in " + where + " are unusable: " + e.getMessage(), e);
    }
  }
}

package dev.rehearse.speech.live;

import java.nio.charset.StandardCharsets;

/**
 * Reads what a client sent. Micronaut hands text and binary WebSocket messages to one handler
 * alike, so a control message is told from audio by its content: short and starting with {@code {}.
 * Audio must be raw 16 kHz mono 16-bit little-endian PCM; a sample rate cannot be read from raw
 * samples, but a container's header, an odd length or an oversized frame can be.
 */
final class Frames {
  static final int MAX_FRAME_BYTES = 32_000; // one second
  static final int MAX_COMMAND_BYTES = 64;

  private static final String[][] CONTAINERS = {
    {"RIFF", "WAV"},
    {"OggS", "Ogg"},
    {"fLaC", "FLAC"},
    {"ID3", "MP3"},
    {"\u001aE\u00df\u00a3", "WebM"}
  };

  private Frames() {}

  static boolean isCommand(byte[] message) {
    return message.length > 0 && message.length <= MAX_COMMAND_BYTES && message[0] == '{';
  }

  /** Why {@code frame} is not audio of the agreed format, or null when it may be. */
  static String problem(byte[] frame) {
    if (frame.length == 0) {
      return "an empty frame: send 16 kHz mono 16-bit PCM";
    }
    if (frame.length > MAX_FRAME_BYTES) {
      return "a frame of " + frame.length + " bytes: send at most one second (32000 bytes) at once";
    }
    if (frame.length % 2 != 0) {
      return "a frame of an odd number of bytes: 16-bit PCM has two bytes per sample";
    }
    for (String[] container : CONTAINERS) {
      if (startsWith(frame, container[0])) {
        return "a " + container[1] + " stream: send raw 16 kHz mono 16-bit PCM, without a header";
      }
    }
    return null;
  }

  private static boolean startsWith(byte[] frame, String magic) {
    byte[] m = magic.getBytes(StandardCharsets.ISO_8859_1);
    if (frame.length < m.length) {
      return false;
    }
    for (int i = 0; i < m.length; i++) {
      if (frame[i] != m[i]) {
        return false;
      }
    }
    return true;
  }
}

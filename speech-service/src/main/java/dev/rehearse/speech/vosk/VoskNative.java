package dev.rehearse.speech.vosk;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.util.Map;
import org.vosk.LibVosk;

/**
 * libvosk exports {@code vosk_model_find_word}, which the Java binding lacks. Bound against the
 * very library instance the binding loaded (same name and class loader), so the model pointer is
 * valid here. Touch only after a {@link org.vosk.Model} exists.
 */
final class VoskNative {
  static {
    String name = Platform.isWindows() ? "libvosk" : "vosk";
    Native.register(
        VoskNative.class,
        NativeLibrary.getInstance(
            name, Map.of(Library.OPTION_CLASSLOADER, LibVosk.class.getClassLoader())));
  }

  private VoskNative() {}

  /** The word's symbol in the model's vocabulary, or -1 when the model does not know it. */
  static native int vosk_model_find_word(Pointer model, String word);
}

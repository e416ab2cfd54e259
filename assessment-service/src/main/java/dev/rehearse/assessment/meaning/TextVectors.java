package dev.rehearse.assessment.meaning;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The vectors of a fixed set of texts, looked up by text. */
public final class TextVectors {
  private final Map<String, float[]> byText;

  private TextVectors(Map<String, float[]> byText) {
    this.byText = byText;
  }

  static TextVectors of(List<String> texts, float[][] vectors) {
    Map<String, float[]> map = new HashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      map.put(texts.get(i), vectors[i]);
    }
    return new TextVectors(map);
  }

  /** The vector of a text that was part of the set; null for any other. */
  public float[] get(String text) {
    return byText.get(text);
  }

  public boolean containsAll(List<String> texts) {
    return byText.keySet().containsAll(texts);
  }

  static byte[] pack(float[][] vectors) {
    int dim = vectors.length == 0 ? 0 : vectors[0].length;
    ByteBuffer buffer =
        ByteBuffer.allocate(4 * dim * vectors.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float[] v : vectors) {
      for (float f : v) {
        buffer.putFloat(f);
      }
    }
    return buffer.array();
  }

  static float[][] unpack(byte[] bytes, int count) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int dim = count == 0 ? 0 : bytes.length / 4 / count;
    float[][] out = new float[count][dim];
    for (float[] v : out) {
      for (int i = 0; i < dim; i++) {
        v[i] = buffer.getFloat();
      }
    }
    return out;
  }
}

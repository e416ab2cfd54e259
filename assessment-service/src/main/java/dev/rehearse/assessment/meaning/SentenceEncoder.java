package dev.rehearse.assessment.meaning;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * Turns sentences into unit-length vectors with all-MiniLM-L6-v2 (quantised) on ONNX Runtime, in
 * process: the model ships inside a Maven artifact, nothing is downloaded. The model is loaded once
 * per JVM (several application contexts in one test JVM share it) and its sessions are thread-safe.
 * The clauses of one answer are embedded on one thread per core: on two cores a 275-word answer
 * takes about 30 ms instead of 48 ms one clause after another (measured; a single padded batch was
 * no faster).
 */
@Singleton
public class SentenceEncoder {
  /** Holder idiom: the model loads on first use, once. */
  private static final class Model {
    static final AllMiniLmL6V2QuantizedEmbeddingModel INSTANCE =
        new AllMiniLmL6V2QuantizedEmbeddingModel(
            Executors.newFixedThreadPool(
                Runtime.getRuntime().availableProcessors(),
                r -> {
                  Thread t = new Thread(r, "sentence-encoder");
                  t.setDaemon(true);
                  return t;
                }));
  }

  /** Loads the model now, so the first answer does not pay for it. */
  public void warmUp() {
    encode(List.of("warm up"));
  }

  /** One vector per text, in order. */
  public float[][] encode(List<String> texts) {
    if (texts.isEmpty()) {
      return new float[0][];
    }
    List<Embedding> out =
        Model.INSTANCE.embedAll(texts.stream().map(TextSegment::from).toList()).content();
    float[][] vectors = new float[out.size()][];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = out.get(i).vector();
    }
    return vectors;
  }

  /** Cosine similarity of two unit vectors. */
  public static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }
}

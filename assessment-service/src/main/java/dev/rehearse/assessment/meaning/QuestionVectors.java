package dev.rehearse.assessment.meaning;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the vectors of each question's scoring texts: computed when the catalog copy changes
 * ({@link #refresh}), stored in the schema so a restart does not recompute them, and held in a
 * bounded Caffeine cache for scoring. A question whose stored vectors are stale or missing (a row
 * from before the table existed) is computed once and stored. Without a repository (the evaluation
 * tests and the benchmark) it keeps them in memory only.
 */
@Singleton
public class QuestionVectors {
  static final String MODEL = "all-minilm-l6-v2-q";
  private final SentenceEncoder encoder;
  @Nullable private final StoredVectorsRepository stored;
  private final Cache<String, Entry> cache = Caffeine.newBuilder().maximumSize(2_000).build();

  private record Entry(Instant updatedAt, TextVectors vectors) {}

  @Inject
  public QuestionVectors(SentenceEncoder encoder, @Nullable StoredVectorsRepository stored) {
    this.encoder = encoder;
    this.stored = stored;
  }

  /** Memory only. */
  public QuestionVectors(SentenceEncoder encoder) {
    this(encoder, null);
  }

  /**
   * Computes and stores the vectors of a question's texts (called when the catalog copy changes).
   */
  @Transactional
  public TextVectors refresh(String questionId, Instant changedAt, List<String> texts) {
    Instant updatedAt = stamp(changedAt);
    List<String> unique = texts.stream().distinct().toList();
    float[][] vectors = encoder.encode(unique);
    if (stored != null) {
      StoredVectors row =
          new StoredVectors(questionId, updatedAt, MODEL, unique, TextVectors.pack(vectors));
      if (stored.existsById(questionId)) {
        stored.update(row);
      } else {
        stored.save(row);
      }
    }
    TextVectors result = TextVectors.of(unique, vectors);
    cache.put(questionId, new Entry(updatedAt, result));
    return result;
  }

  /** The vectors for scoring: from memory, else from the schema, else computed once. */
  @Transactional
  public TextVectors of(String questionId, Instant changedAt, List<String> texts) {
    Instant updatedAt = stamp(changedAt);
    Entry cached = cache.getIfPresent(questionId);
    if (cached != null
        && cached.updatedAt().equals(updatedAt)
        && cached.vectors().containsAll(texts)) {
      return cached.vectors();
    }
    Optional<StoredVectors> row =
        stored == null
            ? Optional.empty()
            : stored
                .findById(questionId)
                .filter(
                    r ->
                        r.updatedAt().equals(updatedAt)
                            && MODEL.equals(r.model())
                            && r.texts().containsAll(texts));
    if (row.isPresent()) {
      TextVectors vectors =
          TextVectors.of(
              row.get().texts(), TextVectors.unpack(row.get().vectors(), row.get().texts().size()));
      cache.put(questionId, new Entry(updatedAt, vectors));
      return vectors;
    }
    return refresh(questionId, updatedAt, texts);
  }

  public void forget(String questionId) {
    cache.invalidate(questionId);
    if (stored != null) {
      stored.deleteById(questionId);
    }
  }

  /** PostgreSQL keeps microseconds: compare stamps at that precision. */
  private static Instant stamp(Instant t) {
    return t.truncatedTo(ChronoUnit.MICROS);
  }
}

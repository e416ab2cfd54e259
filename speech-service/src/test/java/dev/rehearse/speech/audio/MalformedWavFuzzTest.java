package dev.rehearse.speech.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rehearse.speech.SpeechTestBase;
import dev.rehearse.speech.Wavs;
import dev.rehearse.speech.catalog.CatalogRepository;
import dev.rehearse.speech.transcription.SpokenAttempt.Status;
import dev.rehearse.speech.transcription.SpokenAttemptController;
import dev.rehearse.speech.transcription.SpokenAttemptRepository;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 1,000 generated malformed uploads (truncated headers, wrong and huge declared sizes, random
 * bytes, impossible formats, chunk loops), plus a few well-formed noisy ones that reach the
 * recognizer: every answer is a 2xx or a 4xx problem, never a 5xx, and every accepted job finishes.
 */
@MicronautTest(transactional = false)
// the noisy uploads should reach the recognizer, not stop at the per-candidate cap
@Property(name = "rehearse.speech.queue.max-waiting-per-candidate", value = "1000")
class MalformedWavFuzzTest extends SpeechTestBase {
  private static final Logger LOG = LoggerFactory.getLogger(MalformedWavFuzzTest.class);
  private static final int INPUTS = 1_000;
  @Inject CatalogRepository catalog;
  @Inject SpokenAttemptRepository attempts;
  private final Random random = new Random(20261125);
  private final byte[] valid = audio("formats/mono-16k.wav");

  @BeforeAll
  void publishQuestion() {
    publish(servingQuestion());
    await().atMost(Duration.ofSeconds(30)).until(() -> catalog.existsById(SERVING_QUESTION));
  }

  @Test
  void malformedUploadsNeverCauseAServerError() {
    List<Function<Random, byte[]>> kinds =
        List.of(
            this::randomBytes,
            this::truncated,
            this::flippedHeader,
            this::hugeDeclaredData,
            this::oddFormat,
            this::riffWithGarbage,
            this::chunkMaze,
            this::dataBeforeFormat,
            this::hugeFormatChunk,
            this::noisyButWellFormed);
    Map<Integer, Integer> statuses = new TreeMap<>();
    List<UUID> accepted = new ArrayList<>();
    for (int i = 0; i < INPUTS; i++) {
      byte[] body = kinds.get(i % kinds.size()).apply(random);
      int status;
      try {
        HttpResponse<SpokenAttemptController.Accepted> response =
            http.toBlocking()
                .exchange(
                    wavPost("/api/spoken-attempts?questionId=" + SERVING_QUESTION, "c-fuzz", body),
                    SpokenAttemptController.Accepted.class);
        status = response.code();
        accepted.add(response.body().id());
      } catch (HttpClientResponseException e) {
        status = e.getStatus().getCode();
        assertThat(e.getResponse().getContentType())
            .as("input %d", i)
            .hasValueSatisfying(
                t -> assertThat(t.toString()).isEqualTo("application/problem+json"));
      }
      assertThat(status).as("input %d of kind %d", i, i % kinds.size()).isLessThan(500);
      statuses.merge(status, 1, Integer::sum);
    }
    LOG.info("fuzz: {} inputs, statuses {}", INPUTS, statuses);
    assertThat(statuses.keySet()).allMatch(s -> s < 500);
    assertThat(accepted).isNotEmpty();
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                accepted.stream()
                    .map(id -> attempts.findById(id).orElseThrow().status())
                    .allMatch(s -> s == Status.TRANSCRIBED || s == Status.FAILED));
  }

  private byte[] randomBytes(Random r) {
    byte[] b = new byte[r.nextInt(4096)];
    r.nextBytes(b);
    return b;
  }

  private byte[] truncated(Random r) {
    return Arrays.copyOf(valid, r.nextInt(valid.length - 1));
  }

  private byte[] flippedHeader(Random r) {
    byte[] b = valid.clone();
    for (int i = 0; i < 1 + r.nextInt(6); i++) {
      b[r.nextInt(44)] = (byte) r.nextInt(256);
    }
    return b;
  }

  private byte[] hugeDeclaredData(Random r) {
    byte[] b = Arrays.copyOf(valid, 44 + r.nextInt(2000));
    int[] sizes = {-1, Integer.MAX_VALUE, 0x7FFFFFF0, 1 << 30, r.nextInt()};
    ByteBuffer.wrap(b)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putInt(40, sizes[r.nextInt(sizes.length)])
        .putInt(4, r.nextInt());
    return b;
  }

  private byte[] oddFormat(Random r) {
    int[] formats = {0, 1, 2, 3, 6, 7, 0x55, 0xFFFE, r.nextInt(65536)};
    int[] channels = {0, 1, 2, 3, 8, 65535};
    int[] rates = {0, 1, 7999, 8000, 44100, 192001, Integer.MAX_VALUE, -1};
    int[] bits = {0, 8, 12, 16, 24, 32, 65535};
    byte[] pcm = Arrays.copyOfRange(valid, 44, 44 + 2 * r.nextInt(8000));
    byte[] b =
        Wavs.wav(
            pcm,
            rates[r.nextInt(rates.length)],
            channels[r.nextInt(channels.length)],
            16,
            formats[r.nextInt(formats.length)]);
    ByteBuffer.wrap(b)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putShort(34, (short) bits[r.nextInt(bits.length)])
        .putShort(32, (short) r.nextInt(9));
    return b;
  }

  private byte[] riffWithGarbage(Random r) {
    byte[] b = randomBytes(r);
    byte[] head = "RIFF\0\0\0\0WAVE".getBytes();
    byte[] out = Arrays.copyOf(head, head.length + b.length);
    System.arraycopy(b, 0, out, head.length, b.length);
    return out;
  }

  private byte[] chunkMaze(Random r) {
    ByteBuffer b = ByteBuffer.allocate(12 + 8 * 200 + 400).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(r.nextInt()).put("WAVE".getBytes());
    while (b.remaining() >= 8 + 16) {
      String[] ids = {"LIST", "junk", "fmt ", "fact", "bext"};
      b.put(ids[r.nextInt(ids.length)].getBytes())
          .putInt(r.nextInt(5) == 0 ? r.nextInt() : r.nextInt(16));
      b.position(b.position() + r.nextInt(3));
    }
    return b.array();
  }

  private byte[] dataBeforeFormat(Random r) {
    ByteBuffer b = ByteBuffer.allocate(12 + 8 + 100 + 8 + 16).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(b.capacity() - 8).put("WAVE".getBytes());
    b.put("data".getBytes()).putInt(100).position(b.position() + 100);
    b.put("fmt ".getBytes())
        .putInt(16)
        .putShort((short) 1)
        .putShort((short) 1)
        .putInt(16000)
        .putInt(32000)
        .putShort((short) 2)
        .putShort((short) 16);
    return b.array();
  }

  private byte[] hugeFormatChunk(Random r) {
    byte[] b = valid.clone();
    ByteBuffer.wrap(b)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putInt(16, r.nextBoolean() ? -1 : 15 - r.nextInt(16));
    return Arrays.copyOf(b, 20 + r.nextInt(40));
  }

  /**
   * Well formed and noisy: these reach the recognizer, which must cope (short, so the run stays
   * fast).
   */
  private byte[] noisyButWellFormed(Random r) {
    byte[] pcm = new byte[2 * (1600 + r.nextInt(8000))];
    r.nextBytes(pcm);
    int[] rates = {8000, 11025, 16000, 22050, 44100, 48000};
    return Wavs.wav16(pcm, rates[r.nextInt(rates.length)], 1 + r.nextInt(2));
  }
}

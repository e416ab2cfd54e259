package dev.rehearse.speech.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearse.platform.problem.ProblemException;
import dev.rehearse.speech.Wavs;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decoder on its own: formats, downmixing, resampling, what each refusal says, and the bounds
 * on what a hostile upload can cost.
 */
class WavDecoderTest {
  private static final Logger LOG = LoggerFactory.getLogger(WavDecoderTest.class);
  private static final Duration LIMIT = Duration.ofMinutes(2);
  private final WavDecoder decoder = new WavDecoder(Duration.ofSeconds(10));

  @Test
  void stereoIsDownmixedAndResampledTo16kHzKeepingThePitch() {
    byte[] left = Wavs.tone(440, 1, 44_100, 8000);
    byte[] stereo = new byte[left.length * 2];
    for (int i = 0; i < left.length / 2; i++) {
      stereo[4 * i] = left[2 * i];
      stereo[4 * i + 1] =
          left[2 * i + 1]; // right channel stays silent: the mix has half the amplitude
    }
    Audio audio = decode(Wavs.wav16(stereo, 44_100, 2));
    assertThat(audio.sourceRate()).isEqualTo(44_100);
    assertThat(audio.sourceChannels()).isEqualTo(2);
    assertThat(audio.seconds()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.001));
    assertThat(zeroCrossings(audio.pcm())).isBetween(878, 882);
    assertThat(peak(audio.pcm())).isBetween(3900, 4100);
  }

  @Test
  void resamplingFiltersOutWhatWouldAlias() {
    float[] tone = new float[48_000];
    for (int i = 0; i < tone.length; i++) {
      tone[i] =
          (float)
              (10_000
                  * Math.sin(
                      2 * Math.PI * 11_000 * i / 48_000.0)); // above the 8 kHz Nyquist of 16 kHz
    }
    float[] out = Resampler.resample(tone, 48_000, 16_000, System.nanoTime() + 60_000_000_000L);
    double peak = 0;
    for (int i = 100; i < out.length - 100; i++) {
      peak = Math.max(peak, Math.abs(out[i]));
    }
    assertThat(peak).as("an 11 kHz tone must not fold back as 5 kHz").isLessThan(300);
  }

  @Test
  void extensibleFormatWithExtraChunksIsRead() {
    byte[] pcm = Wavs.tone(300, 0.5, 16_000, 5000);
    ByteBuffer b =
        ByteBuffer.allocate(12 + 8 + 40 + 8 + 4 + 8 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(b.capacity() - 8).put("WAVE".getBytes());
    b.put("fmt ".getBytes())
        .putInt(40)
        .putShort((short) 0xFFFE)
        .putShort((short) 1)
        .putInt(16_000)
        .putInt(32_000)
        .putShort((short) 2)
        .putShort((short) 16)
        .putShort((short) 22)
        .putShort((short) 16)
        .putInt(4)
        .putShort((short) 1)
        .put(new byte[14]);
    b.put("LIST".getBytes()).putInt(4).put("INFO".getBytes());
    b.put("data".getBytes()).putInt(pcm.length).put(pcm);
    assertThat(decode(b.array()).pcm()).isEqualTo(pcm);
  }

  @Test
  void refusalsSayWhatIsWrong() {
    assertRefused(new byte[0], 400, "audio", "empty");
    assertRefused("OggS....".getBytes(), 415, "audio", "not a WAV");
    assertRefused(Wavs.wav(new byte[3200], 16_000, 1, 8, 1), 415, "bitsPerSample", "8-bit");
    assertRefused(Wavs.wav(new byte[3200], 16_000, 1, 32, 3), 415, "format", "IEEE float");
    assertRefused(Wavs.wav(new byte[3200], 16_000, 1, 8, 7), 415, "format", "mu-law");
    assertRefused(Wavs.wav16(new byte[3200], 16_000, 3), 415, "channels", "3 channels");
    assertRefused(Wavs.wav16(new byte[3200], 4_000, 1), 400, "sampleRate", "4000 Hz");
    assertRefused(Wavs.wav16(new byte[0], 16_000, 1), 400, "audio", "empty");
    assertRefused(Wavs.wav16(new byte[320], 16_000, 1), 400, "audio", "too short");
    assertRefused(Wavs.wav16(new byte[32_000], 16_000, 1), 400, "audio", "silence");
    assertRefused(
        Wavs.wav16(Wavs.tone(200, 121, 8_000, 2000), 8_000, 1), 413, "duration", "2 minutes");
    byte[] lying =
        Wavs.declaringDataSize(Wavs.wav16(Wavs.tone(200, 1, 16_000, 2000), 16_000, 1), 64_000);
    assertRefused(lying, 400, "dataSize", "truncated");
    byte[] oddAlign = Wavs.wav16(new byte[3200], 16_000, 1);
    ByteBuffer.wrap(oddAlign).order(ByteOrder.LITTLE_ENDIAN).putShort(32, (short) 4);
    assertRefused(oddAlign, 400, "blockAlign", "block align 4");
    assertRefused(Arrays.copyOf(oddAlign, 30), 400, "format", "fmt chunk is truncated");
  }

  @Test
  void aHeaderClaimingTwoHoursIsRefusedForItsDurationWithoutReadingTheBody() {
    byte[] garbage = new byte[100];
    new Random(7).nextBytes(garbage);
    byte[] hours = Wavs.declaringDataSize(Wavs.wav16(garbage, 8_000, 1), 2 * 3600 * 8_000 * 2);
    // the body is 115 MB short of what the header declares: refused for the duration (checked
    // first, from the header alone), not for the truncation that reading the data would find
    assertRefused(hours, 413, "duration", "declares 7200 s");
  }

  @Test
  void aDrillLimitIsReadFromTheHeaderToo() {
    byte[] sixteenSeconds = Wavs.wav16(Wavs.tone(300, 16, 16_000, 3000), 16_000, 1);
    assertRefused(sixteenSeconds, Duration.ofSeconds(15), 413, "duration", "the limit is 15 s");
  }

  @Test
  void resamplingStopsAtTheDeadline() {
    byte[] tone = Wavs.wav16(Wavs.tone(300, 1, 44_100, 3000), 44_100, 1);
    assertThatThrownBy(() -> new WavDecoder(Duration.ZERO).decode(tone, LIMIT, "shorter"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.status().getCode()).isEqualTo(503);
              assertThat(e.getMessage()).contains("could not be decoded within 0 s");
            });
  }

  @Test
  void theCostliestAcceptedUploadDecodesWellWithinTheDeadline() {
    // 50 s at 192 kHz mono: 19.2 MB, just under the 20 MB request limit, and the widest kernel
    byte[] wav = Wavs.wav16(Wavs.tone(300, 50, 192_000, 3000), 192_000, 1);
    long start = System.nanoTime();
    Audio audio = decode(wav);
    long millis = (System.nanoTime() - start) / 1_000_000;
    LOG.info("50 s of 192 kHz audio decoded in {} ms", millis);
    assertThat(audio.seconds()).isCloseTo(50.0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(millis).isLessThan(Duration.ofSeconds(10).toMillis());
  }

  private Audio decode(byte[] body) {
    return decoder.decode(body, LIMIT, "answer more briefly");
  }

  private void assertRefused(byte[] body, int status, String field, String says) {
    assertRefused(body, LIMIT, status, field, says);
  }

  private void assertRefused(byte[] body, Duration limit, int status, String field, String says) {
    assertThatThrownBy(() -> decoder.decode(body, limit, "answer more briefly"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.status().getCode()).isEqualTo(status);
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.getMessage()).contains(says);
            });
  }

  private static int zeroCrossings(byte[] pcm) {
    ByteBuffer b = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
    int crossings = 0;
    short previous = b.getShort(0);
    for (int i = 2; i < pcm.length; i += 2) {
      short s = b.getShort(i);
      if ((previous < 0) != (s < 0)) {
        crossings++;
      }
      previous = s;
    }
    return crossings;
  }

  private static int peak(byte[] pcm) {
    ByteBuffer b = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
    int peak = 0;
    for (int i = 200; i < pcm.length - 200; i += 2) {
      peak = Math.max(peak, Math.abs(b.getShort(i)));
    }
    return peak;
  }
}

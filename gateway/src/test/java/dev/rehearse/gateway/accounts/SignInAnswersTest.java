package dev.rehearse.gateway.accounts;

import static dev.rehearse.gateway.accounts.SignInRequests.PASSWORD;
import static dev.rehearse.gateway.accounts.SignInRequests.login;
import static dev.rehearse.gateway.accounts.SignInRequests.newEmail;
import static dev.rehearse.gateway.accounts.SignInRequests.registration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.gateway.GatewayTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An unknown email, a wrong password and a throttled sign-in (here even with the right password)
 * must not be told apart by status, body or timing. Timing runs with a bcrypt cost high enough that
 * one verification dominates a request, so a path skipping it would stand out.
 */
@MicronautTest
class SignInAnswersTest extends GatewayTestBase {
  static final int ROUNDS = 20;

  enum Kind {
    UNKNOWN,
    WRONG,
    THROTTLED
  }

  @Inject Passwords passwords;
  final List<String> accounts = new ArrayList<>();
  String throttled;

  @Override
  protected Map<String, String> extraProperties() {
    return Map.of(
        "rehearse.gateway.auth.bcrypt-cost", "10",
        "rehearse.gateway.trusted-proxies", "127.0.0.1,::1",
        "rehearse.gateway.auth.failures.per-account.burst", "3",
        "rehearse.gateway.auth.failures.per-account.per-hour", "3",
        "rehearse.gateway.auth.sign-ups-per-hour-per-address", "1000");
  }

  @BeforeAll
  void accounts() {
    // one account per wrong-password sign-in, so that none of them is throttled yet
    for (int i = 0; i <= ROUNDS; i++) {
      accounts.add(register());
    }
    throttled = register();
    for (int i = 1; i <= 3; i++) {
      answer(Kind.WRONG, throttled, "guess " + i, "198.18.9." + i);
    }
  }

  @Test
  void unknownWrongAndThrottledAnswerAlike() {
    List<Answer> answers =
        List.of(
            answer(Kind.UNKNOWN, newEmail(), PASSWORD, "198.18.0.200"),
            answer(Kind.WRONG, accounts.get(ROUNDS), "not the password", "198.18.1.200"),
            answer(Kind.THROTTLED, throttled, PASSWORD, "198.18.2.200"));
    for (Answer a : answers) {
      assertThat(a.status()).as(a.kind().name()).isEqualTo(401);
      // alike but for the trace id every answer has its own of
      assertThat(a.body()).as(a.kind().name()).containsPattern("\"traceId\":\"[0-9a-f]{32}\"");
      assertThat(withoutTraceId(a.body()))
          .as(a.kind().name())
          .isEqualTo(withoutTraceId(answers.get(0).body()));
      assertThat(a.headers()).as(a.kind().name()).isEqualTo(answers.get(0).headers());
    }
    assertThat(answers.get(0).body()).contains(Accounts.WRONG);
  }

  private static String withoutTraceId(String body) {
    return body.replaceAll("\"traceId\":\"[0-9a-f]{32}\"", "\"traceId\":\"\"");
  }

  @Test
  void unknownWrongAndThrottledTakeAsLongAsOneBcryptCheck() {
    Map<Kind, long[]> nanos = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      nanos.put(k, new long[ROUNDS]);
    }
    long[] bcrypt = new long[ROUNDS];
    String hash = passwords.hash(PASSWORD);
    // interleaved, each round in another order, so that load from elsewhere on the machine (it is
    // shared) falls on every kind alike
    for (int i = 0; i < ROUNDS; i++) {
      for (int j = 0; j < Kind.values().length; j++) {
        Kind kind = Kind.values()[(i + j) % Kind.values().length];
        nanos.get(kind)[i] = attempt(kind, i).nanos();
      }
      long start = System.nanoTime();
      passwords.matches("not the password", hash);
      bcrypt[i] = System.nanoTime() - start;
    }
    long check = median(bcrypt);
    Map<Kind, Long> medians = new EnumMap<>(Kind.class);
    nanos.forEach((k, v) -> medians.put(k, median(v)));
    String figures = "one bcrypt check " + check / 1000 + " µs; medians " + micros(medians);
    System.out.println(figures);
    for (Kind k : Kind.values()) {
      // each kind does one bcrypt check...
      assertThat(medians.get(k)).as(figures).isGreaterThan(check * 8 / 10);
      // ...and nothing else that takes a comparable time: compared round by round, so that the
      // machine's load (it is shared) changing during the run falls out
      for (Kind other : Kind.values()) {
        long[] differences = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
          differences[i] = nanos.get(k)[i] - nanos.get(other)[i];
        }
        assertThat(Math.abs(median(differences)))
            .as(k + " vs " + other + ": " + figures)
            .isLessThan(check / 4);
      }
    }
  }

  private static String micros(Map<Kind, Long> nanos) {
    StringBuilder s = new StringBuilder();
    nanos.forEach((k, v) -> s.append(k).append(' ').append(v / 1000).append(" µs; "));
    return s.toString();
  }

  /** A sign-in of this kind in round {@code i}, from an address of its own. */
  private Answer attempt(Kind kind, int i) {
    String address = "198.18." + (3 + kind.ordinal()) + "." + (i + 1);
    return switch (kind) {
      case UNKNOWN -> answer(kind, newEmail(), PASSWORD, address);
      case WRONG -> answer(kind, accounts.get(i), "not the password", address);
      case THROTTLED -> answer(kind, throttled, PASSWORD, address);
    };
  }

  private record Answer(Kind kind, int status, String body, List<String> headers, long nanos) {}

  private Answer answer(Kind kind, String email, String password, String address) {
    HttpRequest<?> request = login(email, password, address);
    long start = System.nanoTime();
    HttpResponse<?> response;
    String body;
    try {
      response = http.toBlocking().exchange(request, String.class);
      throw new AssertionError(kind + " signed in");
    } catch (HttpClientResponseException e) {
      response = e.getResponse();
      body = e.getResponse().getBody(String.class).orElse("");
    }
    long nanos = System.nanoTime() - start;
    List<String> headers = new ArrayList<>(response.getHeaders().names());
    headers.remove("date");
    headers.sort(null);
    return new Answer(kind, response.code(), body, headers, nanos);
  }

  private String register() {
    String email = newEmail();
    http.toBlocking().exchange(registration(email, "198.51.100.1"));
    return email;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}

package dev.rehearse.gateway.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.rehearse.contracts.AccessRevoked;
import dev.rehearse.gateway.GatewayTestBase;
import dev.rehearse.gateway.SseClient;
import dev.rehearse.testsupport.GatewayTokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Access tokens, their keys, refresh tokens, sign-out and password change, over HTTP. */
@MicronautTest
class TokenLifecycleTest extends GatewayTestBase {
  static final String PASSWORD = "correct horse battery";
  @Inject EmbeddedServer server;

  @Override
  protected Map<String, String> extraProperties() {
    return Map.of(
        "rehearse.gateway.auth.bcrypt-cost", "4",
        "rehearse.gateway.events.token-check", "100ms");
  }

  @Test
  void jwksPublishesOnlyPublicKeysAndTheyVerifyASignInToken() throws Exception {
    HttpResponse<String> published =
        http.toBlocking().exchange(HttpRequest.GET("/.well-known/jwks.json"), String.class);
    assertThat(published.getHeaders().get("Cache-Control")).contains("max-age");
    assertThat(published.body()).doesNotContain("\"d\"");
    JWKSet jwks = JWKSet.parse(published.body());
    assertThat(jwks.getKeys()).isNotEmpty().noneMatch(k -> k.isPrivate());

    SignedIn alice = register("alice");
    SignedJWT token = SignedJWT.parse(alice.accessToken());
    assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    ECKey key = (ECKey) jwks.getKeyByKeyId(token.getHeader().getKeyID());
    assertThat(token.verify(new ECDSAVerifier(key))).isTrue();

    JWTClaimsSet claims = token.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("gateway");
    assertThat(claims.getSubject()).isEqualTo(alice.user().id().toString());
    assertThat(claims.getStringListClaim("roles")).containsExactly("CANDIDATE");
    assertThat(claims.getStringClaim("name")).isEqualTo("alice");
    assertThat(claims.getStringClaim("email")).isEqualTo(alice.user().email());
    assertThat(
            Duration.between(
                claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofMinutes(15));
    assertThat(alice.expiresIn()).isEqualTo(900);
    UUID.fromString(claims.getJWTID());
    UUID.fromString(claims.getStringClaim("sid"));
    assertThat(alice.refreshToken()).hasSizeGreaterThanOrEqualTo(40);
  }

  @Test
  void forgedHs256TokensAndTokensOfOtherKeysAreRefused() {
    String subject = register("mallory").user().id().toString();
    for (String forged :
        List.of(
            GatewayTokens.hs256("a-secret-that-is-long-enough-for-hs256-signing", subject, "ADMIN"),
            GatewayTokens.signedByAnotherKey(subject, "ADMIN"),
            GatewayTokens.token(subject, "ADMIN"))) { // a real ES256 key, but not the gateway's
      assertProblem(HttpRequest.GET("/api/admin/packs").bearerAuth(forged), 401);
      assertProblem(HttpRequest.GET("/api/auth/me").bearerAuth(forged), 401);
      assertProblem(HttpRequest.GET("/api/events?access_token=" + forged), 401);
    }
  }

  @Test
  void aRefreshTokenWorksOnceAndItsReuseEndsTheWholeSession() {
    SignedIn first = register("rita");
    SignedIn otherDevice = login(first.user().email(), PASSWORD);

    SignedIn second = refresh(first.refreshToken());
    assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
    assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
    assertThat(sessionOf(second)).isEqualTo(sessionOf(first));
    assertThat(me(second).id()).isEqualTo(first.user().id());
    SignedIn third = refresh(second.refreshToken());

    // the first refresh token comes back: copied, so the session ends, newest tokens included
    assertThat(refreshRefused(first.refreshToken())).contains("sign in again");
    refreshRefused(third.refreshToken());
    assertProblem(bearer(HttpRequest.GET("/api/auth/me"), third), 401);
    assertProblem(bearer(HttpRequest.GET("/api/questions"), third), 401);
    AccessRevoked revoked =
        only(awaitRevocations(first.user().id().toString(), "refresh-token-reused"));
    assertThat(revoked.sessionId()).isEqualTo(sessionOf(first));
    assertThat(revoked.issuedBefore()).isNull();

    // another sign-in of the same account is another session
    assertThat(me(otherDevice).id()).isEqualTo(first.user().id());
    assertThat(me(refresh(otherDevice.refreshToken())).id()).isEqualTo(first.user().id());
    refreshRefused("not-a-refresh-token");
  }

  @Test
  void signingOutEndsThatSessionOnly() {
    SignedIn laptop = register("sam");
    SignedIn phone = login(laptop.user().email(), PASSWORD);

    HttpResponse<?> out =
        http.toBlocking().exchange(bearer(HttpRequest.POST("/api/auth/logout", ""), laptop));
    assertThat(out.code()).isEqualTo(204);
    assertProblem(bearer(HttpRequest.GET("/api/auth/me"), laptop), 401);
    assertProblem(bearer(HttpRequest.GET("/api/questions"), laptop), 401);
    refreshRefused(laptop.refreshToken());
    assertThat(only(awaitRevocations(laptop.user().id().toString(), "signed-out")).sessionId())
        .isEqualTo(sessionOf(laptop));

    assertThat(me(phone).id()).isEqualTo(laptop.user().id());
    assertProblem(HttpRequest.POST("/api/auth/logout", ""), 401);
  }

  @Test
  void aPasswordChangeEndsEveryTokenAndTheNewPasswordWorks() {
    SignedIn before = register("pat");
    SignedIn otherDevice = login(before.user().email(), PASSWORD);
    String email = before.user().email();

    assertThat(
            assertProblem(
                bearer(
                    HttpRequest.PUT(
                        "/api/auth/password",
                        Map.of("currentPassword", "a wrong guess", "newPassword", "a new secret")),
                    before),
                403))
        .contains("\"field\":\"currentPassword\"");
    assertThat(
            assertProblem(
                bearer(
                    HttpRequest.PUT(
                        "/api/auth/password",
                        Map.of("currentPassword", PASSWORD, "newPassword", "short")),
                    before),
                400))
        .contains("\"field\":\"newPassword\"");
    assertThat(me(before).id()).isEqualTo(before.user().id()); // refused changes end nothing

    SignedIn after =
        http.toBlocking()
            .retrieve(
                bearer(
                    HttpRequest.PUT(
                        "/api/auth/password",
                        Map.of("currentPassword", PASSWORD, "newPassword", "a new secret")),
                    before),
                SignedIn.class);
    for (SignedIn old : List.of(before, otherDevice)) {
      assertProblem(bearer(HttpRequest.GET("/api/auth/me"), old), 401);
      assertProblem(bearer(HttpRequest.GET("/api/questions"), old), 401);
      refreshRefused(old.refreshToken());
    }
    assertThat(me(after).id()).isEqualTo(before.user().id());
    assertThat(me(refresh(after.refreshToken())).id()).isEqualTo(before.user().id());
    assertProblem(
        HttpRequest.POST("/api/auth/login", Map.of("email", email, "password", PASSWORD)), 401);
    assertThat(login(email, "a new secret").user().id()).isEqualTo(before.user().id());
    // one event ends every token issued up to the change, of every session
    assertThat(awaitRevocations(before.user().id().toString(), "password-changed"))
        .anyMatch(r -> r.issuedBefore() != null && r.sessionId() == null);
  }

  @Test
  void theEventStreamEndsWhenItsSessionIsRevoked() {
    SignedIn viewer = register("vic");
    SignedIn other = login(viewer.user().email(), PASSWORD);
    String url = server.getURL() + "/api/events?access_token=";
    try (SseClient ending = new SseClient(url + viewer.accessToken(), Map.of());
        SseClient staying = new SseClient(url + other.accessToken(), Map.of())) {
      http.toBlocking().exchange(bearer(HttpRequest.POST("/api/auth/logout", ""), viewer));
      await().atMost(Duration.ofSeconds(10)).until(ending::ended);
      assertThat(staying.ended()).isFalse();
    }
  }

  private SignedIn register(String name) {
    String email = name + "-" + UUID.randomUUID() + "@rehearse.test";
    return http.toBlocking()
        .retrieve(
            HttpRequest.POST(
                "/api/auth/register",
                Map.of("email", email, "password", PASSWORD, "displayName", name)),
            SignedIn.class);
  }

  private SignedIn login(String email, String password) {
    return http.toBlocking()
        .retrieve(
            HttpRequest.POST("/api/auth/login", Map.of("email", email, "password", password)),
            SignedIn.class);
  }

  private SignedIn refresh(String refreshToken) {
    return http.toBlocking()
        .retrieve(
            HttpRequest.POST("/api/auth/refresh", Map.of("refreshToken", refreshToken)),
            SignedIn.class);
  }

  private String refreshRefused(String refreshToken) {
    return assertProblem(
        HttpRequest.POST("/api/auth/refresh", Map.of("refreshToken", refreshToken)), 401);
  }

  private UserView me(SignedIn who) {
    return http.toBlocking().retrieve(bearer(HttpRequest.GET("/api/auth/me"), who), UserView.class);
  }

  private static String sessionOf(SignedIn who) {
    try {
      return SignedJWT.parse(who.accessToken()).getJWTClaimsSet().getStringClaim("sid");
    } catch (java.text.ParseException e) {
      throw new AssertionError(e);
    }
  }

  private static AccessRevoked only(List<AccessRevoked> revoked) {
    assertThat(revoked).hasSize(1);
    return revoked.get(0);
  }

  private static <T> MutableHttpRequest<T> bearer(MutableHttpRequest<T> request, SignedIn who) {
    return request.bearerAuth(who.accessToken());
  }
}

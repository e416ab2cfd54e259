package dev.rehearse.gateway.accounts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import java.util.Map;
import java.util.UUID;

/** Sign-ups and sign-ins as sent through a proxy that names the client in X-Forwarded-For. */
final class SignInRequests {
  static final String PASSWORD = "correct horse battery";

  private SignInRequests() {}

  static MutableHttpRequest<?> login(String email, String password, String forwardedFor) {
    return HttpRequest.POST("/api/auth/login", Map.of("email", email, "password", password))
        .header("X-Forwarded-For", forwardedFor);
  }

  static MutableHttpRequest<?> registration(String email, String forwardedFor) {
    return HttpRequest.POST(
            "/api/auth/register",
            Map.of("email", email, "password", PASSWORD, "displayName", "Someone"))
        .header("X-Forwarded-For", forwardedFor);
  }

  static String newEmail() {
    return "someone-" + UUID.randomUUID() + "@rehearse.test";
  }
}

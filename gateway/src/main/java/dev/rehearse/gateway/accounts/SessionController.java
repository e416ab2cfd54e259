package dev.rehearse.gateway.accounts;

import dev.rehearse.gateway.identity.AccessPolicy;
import dev.rehearse.gateway.identity.TokenCheck;
import dev.rehearse.gateway.limits.KeyedLimiter;
import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.identity.VerifiedToken;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.UUID;

/** The life of a sign-in session after it starts: refresh, sign-out, password change. */
@Controller("/api/auth")
@ExecuteOn(TaskExecutors.BLOCKING) // bcrypt and JDBC
public class SessionController {
  private final Tokens tokens;
  private final Revocations revocations;
  private final PasswordChanges passwords;
  private final AccessPolicy access;
  private final KeyedLimiter passwordChanges;

  public SessionController(
      Tokens tokens,
      Revocations revocations,
      PasswordChanges passwords,
      AccessPolicy access,
      @Value("${rehearse.gateway.auth.password-changes-per-minute:5}")
          int passwordChangesPerMinute) {
    this.tokens = tokens;
    this.revocations = revocations;
    this.passwords = passwords;
    this.access = access;
    this.passwordChanges =
        new KeyedLimiter(KeyedLimiter.perWindow(passwordChangesPerMinute, Duration.ofMinutes(1)));
  }

  @Operation(
      summary = "A new access token and refresh token for a refresh token, which is used up",
      description =
          "Each refresh token works once; presenting a used one again ends the whole sign-in session.")
  @Post("/refresh")
  public SignedIn refresh(@Body @Valid RefreshRequest request) {
    return tokens.refresh(request.refreshToken());
  }

  @Operation(summary = "Sign out: ends this sign-in session, its refresh and access tokens")
  @Post("/logout")
  public HttpResponse<Void> logout(HttpRequest<?> request) {
    Caller caller = access.require(request);
    revocations.endSession(accountId(caller), sessionOf(request), Revocations.SIGNED_OUT);
    return HttpResponse.noContent();
  }

  @Operation(
      summary = "Change the password",
      description =
          "Checks the current password, then ends every session and token of the account and answers"
              + " with a new session (the same body as sign-in).")
  @Put("/password")
  public SignedIn changePassword(HttpRequest<?> request, @Body @Valid PasswordChange change) {
    Caller caller = access.require(request);
    passwordChanges.acquire(caller.id(), "password changes");
    return passwords.change(accountId(caller), change);
  }

  private static UUID sessionOf(HttpRequest<?> request) {
    String sid = TokenCheck.of(request).map(VerifiedToken::sessionId).orElse(null);
    try {
      return UUID.fromString(String.valueOf(sid));
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          HttpStatus.UNAUTHORIZED, "Authorization", "this token names no sign-in session");
    }
  }

  private static UUID accountId(Caller caller) {
    try {
      return UUID.fromString(caller.id());
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound(null, "no account for this token");
    }
  }
}

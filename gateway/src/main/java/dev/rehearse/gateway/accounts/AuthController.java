package dev.rehearse.gateway.accounts;

import dev.rehearse.gateway.identity.AccessPolicy;
import dev.rehearse.gateway.limits.RateLimiter;
import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.identity.Role;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.UUID;

@Controller("/api/auth")
@ExecuteOn(TaskExecutors.BLOCKING) // bcrypt and JDBC
public class AuthController {
  private final Accounts accounts;
  private final UserAccountRepository users;
  private final AccessPolicy access;
  private final RateLimiter limiter;
  private final Revocations revocations;
  private final int loginsPerMinute;

  public AuthController(
      Accounts accounts,
      UserAccountRepository users,
      AccessPolicy access,
      RateLimiter limiter,
      Revocations revocations,
      @Value("${rehearse.gateway.auth.login-per-minute-per-address:30}") int loginsPerMinute) {
    this.accounts = accounts;
    this.users = users;
    this.access = access;
    this.limiter = limiter;
    this.revocations = revocations;
    this.loginsPerMinute = loginsPerMinute;
  }

  @Operation(summary = "Create a candidate account and sign in")
  @Post("/register")
  public HttpResponse<SignedIn> register(
      HttpRequest<?> request, @Body @Valid Registration registration) {
    limiter.acquire("register:" + address(request), loginsPerMinute, "sign-ups from this address");
    return HttpResponse.created(accounts.register(registration));
  }

  @Operation(
      summary = "Sign in: an access token for the API and the event stream, and a refresh token")
  @Post("/login")
  public SignedIn login(HttpRequest<?> request, @Body @Valid Credentials credentials) {
    limiter.acquire(
        "login:" + address(request), loginsPerMinute, "sign-in attempts from this address");
    return accounts.login(credentials);
  }

  @Operation(summary = "The signed-in account")
  @Get("/me")
  public UserView me(HttpRequest<?> request) {
    Caller caller = access.require(request);
    return users
        .findById(parse(caller.id()))
        .map(UserView::of)
        .orElseThrow(() -> ProblemException.notFound(null, "no account for this token"));
  }

  @Operation(summary = "Admins only: make an account a candidate, coach or admin")
  @Put("/users/{id}/role")
  public UserView changeRole(HttpRequest<?> request, UUID id, @Body @Valid RoleChange change) {
    Caller caller = access.require(request);
    if (!caller.is(Role.ADMIN)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, null, "only admins may change roles");
    }
    UserAccount before =
        users
            .findById(id)
            .orElseThrow(() -> ProblemException.notFound("id", "no account with id " + id));
    users.updateRole(id, change.role().name());
    if (before.role() != change.role()) {
      // the old role is in the tokens issued so far: every instance of every service refuses them
      revocations.outdateAccessTokens(id, Revocations.ROLE_CHANGED);
    }
    return users.findById(id).map(UserView::of).orElseThrow();
  }

  private static String address(HttpRequest<?> request) {
    return request.getRemoteAddress().getAddress().getHostAddress();
  }

  private static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound(null, "no account for this identity");
    }
  }
}

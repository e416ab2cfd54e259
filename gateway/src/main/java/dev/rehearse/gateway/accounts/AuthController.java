package dev.rehearse.gateway.accounts;

import dev.rehearse.gateway.identity.AccessPolicy;
import dev.rehearse.gateway.limits.ClientAddress;
import dev.rehearse.gateway.limits.KeyedLimiter;
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
import java.time.Duration;
import java.util.UUID;

@Controller("/api/auth")
@ExecuteOn(TaskExecutors.BLOCKING) // bcrypt and JDBC
public class AuthController {
  private final Accounts accounts;
  private final UserAccountRepository users;
  private final AccessPolicy access;
  private final Revocations revocations;
  private final ClientAddress clientAddress;
  private final SignInThrottle throttle;
  private final KeyedLimiter signUps;

  public AuthController(
      Accounts accounts,
      UserAccountRepository users,
      AccessPolicy access,
      Revocations revocations,
      ClientAddress clientAddress,
      SignInThrottle throttle,
      @Value("${rehearse.gateway.auth.sign-ups-per-hour-per-address:20}") int signUpsPerHour) {
    this.accounts = accounts;
    this.users = users;
    this.access = access;
    this.revocations = revocations;
    this.clientAddress = clientAddress;
    this.throttle = throttle;
    this.signUps = new KeyedLimiter(KeyedLimiter.smooth(signUpsPerHour, Duration.ofHours(1)));
  }

  @Operation(summary = "Create a candidate account and sign in")
  @Post("/register")
  public HttpResponse<SignedIn> register(
      HttpRequest<?> request, @Body @Valid Registration registration) {
    String address = clientAddress.of(request);
    signUps.acquire(address, "sign-ups from this address");
    SignedIn signedIn = accounts.register(registration);
    throttle.remember(signedIn.user().id(), address);
    return HttpResponse.created(signedIn);
  }

  @Operation(
      summary = "Sign in: an access token for the API and the event stream, and a refresh token")
  @Post("/login")
  public SignedIn login(HttpRequest<?> request, @Body @Valid Credentials credentials) {
    return accounts.login(credentials, clientAddress.of(request));
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

  private static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound(null, "no account for this identity");
    }
  }
}

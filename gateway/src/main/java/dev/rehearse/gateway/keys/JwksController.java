package dev.rehearse.gateway.keys;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;

/** The public halves of the signing keys, for the services (and anyone) to verify tokens with. */
@Controller("/.well-known/jwks.json")
@Secured(SecurityRule.IS_ANONYMOUS)
public class JwksController {
  private final SigningKeys keys;

  public JwksController(SigningKeys keys) {
    this.keys = keys;
  }

  @Operation(summary = "The public keys access tokens are signed with (JWK set)")
  @Get(produces = MediaType.APPLICATION_JSON)
  public HttpResponse<String> jwks() {
    // a few minutes of caching is safe: a new key is published well before it signs
    return HttpResponse.ok(keys.keySet().publicKeys().toString(true))
        .header("Cache-Control", "public, max-age=300");
  }
}

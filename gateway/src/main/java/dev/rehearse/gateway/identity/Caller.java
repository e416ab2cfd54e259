package dev.rehearse.gateway.identity;

import dev.rehearse.platform.identity.IdentityHeaders;

/** Who is calling, as the gateway forwards it to the services. */
public record Caller(String id, Role role) {
  public static final String CANDIDATE_HEADER = IdentityHeaders.CANDIDATE;
  public static final String ROLE_HEADER = IdentityHeaders.ROLE;

  public boolean is(Role r) {
    return role == r;
  }
}

package dev.rehearse.gateway.identity;

/** Who is calling, as the gateway forwards it to the services. */
public record Caller(String id, Role role) {
  public static final String CANDIDATE_HEADER = "X-Candidate-Id";
  public static final String ROLE_HEADER = "X-User-Role";

  public boolean is(Role r) {
    return role == r;
  }
}

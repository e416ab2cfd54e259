package dev.rehearse.platform.identity;

import java.util.Collection;

/** An account's role, lowest first: a coach may do what a candidate may, an admin everything. */
public enum Role {
  CANDIDATE,
  COACH,
  ADMIN;

  /** The highest known role among {@code names}; CANDIDATE when none is known. */
  public static Role highest(Collection<String> names) {
    Role highest = CANDIDATE;
    for (String name : names) {
      for (Role role : values()) {
        if (role.name().equals(name) && role.compareTo(highest) > 0) {
          highest = role;
        }
      }
    }
    return highest;
  }
}

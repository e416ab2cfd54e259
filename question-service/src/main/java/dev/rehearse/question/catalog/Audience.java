package dev.rehearse.question.catalog;

import dev.rehearse.platform.identity.Caller;
import io.micronaut.core.annotation.Nullable;

/**
 * Who reads an item, from the verified caller. Coaches and admins see answer keys; candidates and
 * anonymous readers (the catalog is public) get the candidate's view: the default is the closed
 * one.
 */
public enum Audience {
  CANDIDATE,
  STAFF;

  public static Audience of(@Nullable Caller caller) {
    return caller != null && caller.isStaff() ? STAFF : CANDIDATE;
  }
}

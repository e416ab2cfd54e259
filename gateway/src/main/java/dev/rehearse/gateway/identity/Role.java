package dev.rehearse.gateway.identity;

public enum Role {
  CANDIDATE,
  COACH,
  ADMIN
}

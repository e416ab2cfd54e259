package dev.rehearse.gateway.accounts;

import io.micronaut.serde.annotation.Serdeable;

/** A bearer token and who it stands for. */
@Serdeable
public record SignedIn(String accessToken, String tokenType, int expiresIn, UserView user) {}

package dev.rehearse.gateway.accounts;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A bearer access token, who it stands for, and the single-use refresh token that gets the next
 * pair ({@code POST /api/auth/refresh}).
 */
@Serdeable
public record SignedIn(
    String accessToken, String tokenType, int expiresIn, UserView user, String refreshToken) {}

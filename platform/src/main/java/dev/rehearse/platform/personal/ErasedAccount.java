package dev.rehearse.platform.personal;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** An erased account, known only by the SHA-256 of its id. */
@MappedEntity("erased_account")
public record ErasedAccount(@Id String accountHash, Instant erasedAt) {}

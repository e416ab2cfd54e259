package dev.rehearse.gateway.accounts;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * An address an account signed in from successfully (its {@code ClientAddress} key). The table's
 * key is (account, address); only queries written out in {@link UsualAddressRepository} use it.
 */
@MappedEntity("usual_address")
public record UsualAddress(@Id UUID accountId, String address, Instant lastSignIn) {}

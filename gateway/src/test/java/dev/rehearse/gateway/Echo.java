package dev.rehearse.gateway;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** What a {@link FakeService} saw. */
@Serdeable
public record Echo(
    String service,
    String method,
    String path,
    @Nullable String query,
    Map<String, String> headers,
    long bodyLength,
    String bodySha256) {}

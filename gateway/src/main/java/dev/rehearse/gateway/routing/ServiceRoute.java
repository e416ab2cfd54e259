package dev.rehearse.gateway.routing;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.util.List;

/**
 * One downstream service ({@code rehearse.services.<name>}): where its instances run (one URL or a
 * comma-separated list; each host may name several addresses, see {@link Balancer}), which public
 * paths it owns, and the file name of the OpenAPI document it serves at {@code /openapi/<file>}
 * (none: not shown).
 */
@EachProperty("rehearse.services")
public record ServiceRoute(
    @Parameter String name, List<URI> url, List<String> paths, @Nullable String openapi) {}

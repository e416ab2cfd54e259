package dev.rehearse.gateway.routing;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.util.List;

/**
 * One downstream service ({@code rehearse.services.<name>}): where it runs, which public paths it
 * owns, and the file name of the OpenAPI document it serves at {@code /openapi/<file>} (none: not
 * shown).
 */
@EachProperty("rehearse.services")
public record ServiceRoute(
    @Parameter String name, URI url, List<String> paths, @Nullable String openapi) {}

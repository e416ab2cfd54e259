package dev.rehearse.gateway.routing;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.net.URI;
import java.util.List;

/** One downstream service ({@code rehearse.services.<name>}): where it runs and which public paths it owns. */
@EachProperty("rehearse.services")
public record ServiceRoute(@Parameter String name, URI url, List<String> paths) {}

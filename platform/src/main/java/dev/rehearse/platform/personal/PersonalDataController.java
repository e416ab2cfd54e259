package dev.rehearse.platform.personal;

import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;

/**
 * This service's part of a data export, for the gateway's {@code GET /api/me/export}, which calls
 * every service with the caller's token. Not a public route: no service lists {@code
 * /api/personal-data} in the gateway's routes (the gateway answers 404 there), and it is left out
 * of the OpenAPI documents. The token is verified here as on every /api path; an admin may name
 * another account. The gateway gathers its own parts in process and does not load this.
 */
@Hidden
@Controller("/api/personal-data")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(missingClasses = "io.micronaut.security.filters.SecurityFilter")
public class PersonalDataController {
  private final AccountData data;
  private final String service;

  public PersonalDataController(
      AccountData data, @Value("${micronaut.application.name:rehearse}") String service) {
    this.data = data;
    this.service = service;
  }

  @Get
  public Export mine(Caller caller) {
    return new Export(service, caller.id(), data.export(caller.id()));
  }

  @Get("/{accountId}")
  public Export of(Caller caller, String accountId) {
    if (!caller.isAdmin() && !caller.id().equals(accountId)) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN, null, "only admins may export another account's data");
    }
    return new Export(service, accountId, data.export(accountId));
  }

  /** One service's part: its sections, each a {@link PersonalData#export}. */
  @Serdeable
  public record Export(String service, String accountId, Map<String, Object> sections) {}
}

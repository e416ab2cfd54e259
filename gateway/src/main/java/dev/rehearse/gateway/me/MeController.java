package dev.rehearse.gateway.me;

import dev.rehearse.gateway.accounts.AccountDeletion;
import dev.rehearse.gateway.identity.AccessPolicy;
import dev.rehearse.gateway.routing.Unavailable;
import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.personal.AccountData;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The signed-in account's own data: all of it as one JSON document, or deleted everywhere. */
@Controller("/api/me")
@ExecuteOn(TaskExecutors.BLOCKING) // bcrypt, JDBC and the services' exports
public class MeController {
  static final String CONFIRM = "X-Confirm-Password";
  private final AccessPolicy access;
  private final AccountData data;
  private final ServiceExports services;
  private final AccountDeletion deletion;

  public MeController(
      AccessPolicy access, AccountData data, ServiceExports services, AccountDeletion deletion) {
    this.access = access;
    this.data = data;
    this.services = services;
    this.deletion = deletion;
  }

  @Operation(
      summary =
          "Everything held about the signed-in account, from every service, as one JSON"
              + " attachment (503 if a service cannot answer: never a partial document)")
  @Get("/export")
  public MutableHttpResponse<?> export(HttpRequest<?> request) {
    Caller caller = access.require(request);
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("gateway", data.export(caller.id()));
    ServiceExports.Gathered gathered = services.gather(request);
    if (gathered.unavailable() != null) {
      return Unavailable.response(gathered.unavailable(), request, gathered.cause());
    }
    parts.putAll(gathered.sections());
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("accountId", caller.id());
    document.put("exportedAt", Instant.now());
    document.put("services", parts);
    return HttpResponse.ok(document)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rehearse-my-data.json\"");
  }

  @Operation(
      summary =
          "Delete the signed-in account and everything held about it, confirmed with its password"
              + " in X-Confirm-Password; every service erases its data from one Kafka event")
  @Delete
  public HttpResponse<Void> delete(
      HttpRequest<?> request, @Nullable @Header(CONFIRM) String password) {
    Caller caller = access.require(request);
    if (password == null || password.isEmpty()) {
      throw ProblemException.badRequest(CONFIRM, "send your password to confirm the deletion");
    }
    deletion.delete(UUID.fromString(caller.id()), password);
    return HttpResponse.status(HttpStatus.NO_CONTENT);
  }
}

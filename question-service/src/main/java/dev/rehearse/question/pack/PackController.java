package dev.rehearse.question.pack;

import dev.rehearse.platform.identity.IdentityHeaders;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;

/**
 * Imports content packs at run time (admins only). A pack is refused whole with every error listed,
 * or stored whole; {@code dryRun=true} only validates.
 */
@Controller("/api/admin/packs")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PackController {
  static final String ZIP = "application/zip";
  static final String ROLE_HEADER = IdentityHeaders.ROLE;
  private final PackImporter importer;
  private final StoredPackRepository packs;

  public PackController(PackImporter importer, StoredPackRepository packs) {
    this.importer = importer;
    this.packs = packs;
  }

  @Operation(
      summary =
          "Import a content pack from a zip of its files (pack.yml, skills.yml, roles.yml, red-flags.yml, items/*.yml)")
  @Post(consumes = ZIP)
  public ImportResult importZip(
      @Header(ROLE_HEADER) @Nullable String role,
      @Body byte[] zip,
      @QueryValue(defaultValue = "false") boolean dryRun) {
    requireAdmin(role);
    return importFiles(PackArchive.unzip(zip), dryRun);
  }

  @Operation(
      summary =
          "Import a content pack sent as JSON: {\"files\": {\"pack.yml\": \"<yaml>\", \"items/quiz.yml\": \"<yaml>\", ...}}")
  @Post(consumes = MediaType.APPLICATION_JSON)
  public ImportResult importJson(
      @Header(ROLE_HEADER) @Nullable String role,
      @Body @Valid PackUpload upload,
      @QueryValue(defaultValue = "false") boolean dryRun) {
    requireAdmin(role);
    upload
        .files()
        .forEach(
            (name, text) -> {
              if (text == null) {
                throw ProblemException.badRequest("files." + name, "must be the file's YAML text");
              }
            });
    return importFiles(new PackFiles(upload.files()), dryRun);
  }

  @Operation(summary = "The packs in the bank and their versions")
  @Get
  public List<PackView> list(@Header(ROLE_HEADER) @Nullable String role) {
    requireAdmin(role);
    return packs.findAll().stream()
        .map(p -> new PackView(p.id(), p.version(), p.title(), p.importedAt()))
        .toList();
  }

  /**
   * The gateway admits only admins to /api/admin and sends the caller's role, checked against its
   * token by the platform filter; a role other than ADMIN is refused here too.
   */
  private static void requireAdmin(@Nullable String role) {
    if (role != null && !"ADMIN".equalsIgnoreCase(role.trim())) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN, ROLE_HEADER, "role " + role + " may not manage content packs");
    }
  }

  private ImportResult importFiles(PackFiles files, boolean dryRun) {
    ContentPack pack = PackReader.read(files).orThrow();
    if (dryRun) {
      return new ImportResult(
          pack.id(),
          pack.version(),
          ImportResult.Outcome.VALID,
          0,
          0,
          0,
          0,
          0,
          pack.derivedKeyPoints());
    }
    return importer.importPack(pack);
  }

  @Serdeable
  public record PackView(String id, int version, String title, Instant importedAt) {}
}

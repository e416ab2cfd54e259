package dev.rehearse.question.pack;

import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports the packs named in {@code rehearse.question.packs} from {@code classpath:packs/<id>/} at
 * start-up. A broken pack stops the service with every error logged: it is a build defect.
 */
@Singleton
public class StartupPackLoader implements ApplicationEventListener<StartupEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(StartupPackLoader.class);
  private final Environment environment;
  private final PackImporter importer;

  public StartupPackLoader(Environment environment, PackImporter importer) {
    this.environment = environment;
    this.importer = importer;
  }

  @Override
  public void onApplicationEvent(StartupEvent event) {
    List<String> packIds =
        environment
            .getProperty("rehearse.question.packs", Argument.listOf(String.class))
            .orElse(List.of());
    packIds.stream().map(String::trim).filter(id -> !id.isEmpty()).forEach(this::load);
  }

  private void load(String packId) {
    PackFiles files = PackFiles.fromClasspath(packId, getClass().getClassLoader());
    if (files.files().isEmpty()) {
      throw new IllegalStateException(
          "no content pack '" + packId + "' on the classpath under packs/" + packId + "/");
    }
    PackReader.Result read = PackReader.read(files);
    read.errors().forEach(e -> LOG.error("Content pack {}: {}", packId, e));
    ContentPack pack = read.orThrow();
    if (!pack.id().equals(packId)) {
      throw new IllegalStateException(
          "pack.yml under packs/" + packId + "/ names the pack '" + pack.id() + "'");
    }
    try {
      ImportResult result = importer.importPack(pack);
      LOG.info(
          "Content pack {} v{}: {} ({} added, {} changed, {} retired, {} unchanged, {} published)",
          packId,
          result.version(),
          result.outcome(),
          result.added(),
          result.changed(),
          result.retired(),
          result.unchanged(),
          result.published());
    } catch (ProblemException e) {
      if (e.status() != HttpStatus.CONFLICT) {
        throw e;
      }
      // the bank already holds this or a newer version: serve it rather than refuse to start
      LOG.warn("Content pack {} not imported: {}", packId, e.getMessage());
    }
  }
}

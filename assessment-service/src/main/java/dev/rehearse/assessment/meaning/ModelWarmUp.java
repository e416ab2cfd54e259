package dev.rehearse.assessment.meaning;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/**
 * Loads the sentence model while the service starts, so the first answer scored does not wait for
 * it.
 */
@Singleton
public class ModelWarmUp implements ApplicationEventListener<ServerStartupEvent> {
  private final SentenceEncoder encoder;

  public ModelWarmUp(SentenceEncoder encoder) {
    this.encoder = encoder;
  }

  @Override
  public void onApplicationEvent(ServerStartupEvent event) {
    encoder.warmUp();
  }
}

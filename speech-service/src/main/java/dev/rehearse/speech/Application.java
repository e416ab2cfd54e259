package dev.rehearse.speech;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(
    info =
        @Info(
            title = "Rehearse speech-service",
            version = "0.1",
            description =
                "Offline speech with Vosk: transcribes spoken answers and judges pronunciation drills."))
public class Application {
  public static void main(String[] args) {
    Micronaut.run(Application.class, args);
  }
}

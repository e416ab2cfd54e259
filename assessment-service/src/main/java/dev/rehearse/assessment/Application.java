package dev.rehearse.assessment;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(
    info =
        @Info(
            title = "Rehearse assessment-service",
            version = "0.1",
            description = "Scores typed and spoken answers against rubrics and raises red flags."))
public class Application {
  public static void main(String[] args) {
    Micronaut.run(Application.class, args);
  }
}

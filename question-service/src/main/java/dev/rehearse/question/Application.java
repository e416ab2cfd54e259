package dev.rehearse.question;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(
    info =
        @Info(
            title = "Rehearse question-service",
            version = "0.1",
            description =
                "Roles, skills and the question bank: content packs, search and adaptive practice sets."))
public class Application {
  public static void main(String[] args) {
    Micronaut.run(Application.class, args);
  }
}

package dev.rehearse.gateway;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(
    info =
        @Info(
            title = "Rehearse gateway",
            version = "0.1",
            description =
                "The public entry point: routes /api/** to the services and pushes live results over SSE."))
public class Application {
  public static void main(String[] args) {
    Micronaut.run(Application.class, args);
  }
}

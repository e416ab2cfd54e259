package dev.rehearse.gateway.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;

/**
 * Swagger UI lives at /swagger-ui/index.html among the web app's static files; static resources do
 * not resolve a folder to its index page, so the short address redirects there.
 */
@Controller
@Hidden
public class SwaggerUiController {
  private static final URI PAGE = URI.create("/swagger-ui/index.html");

  @Get("/swagger-ui")
  public HttpResponse<?> swaggerUi() {
    return HttpResponse.seeOther(PAGE);
  }
}

package dev.rehearse.platform.identity;

import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Gives a controller method its {@link Caller} parameter from the verified token. A request without
 * one never reaches a method that needs it: 401. Only a {@code @Nullable Caller} (public reads) may
 * be absent.
 */
@Singleton
public class CallerBinder implements TypedRequestArgumentBinder<Caller> {
  /** The request attribute the token filter leaves the caller in. */
  public static final String ATTRIBUTE = "rehearse.caller";

  @Override
  public Argument<Caller> argumentType() {
    return Argument.of(Caller.class);
  }

  @Override
  public BindingResult<Caller> bind(
      ArgumentConversionContext<Caller> context, HttpRequest<?> request) {
    Optional<Caller> caller = request.getAttribute(ATTRIBUTE, Caller.class);
    if (caller.isEmpty() && !context.getArgument().isNullable()) {
      throw new ProblemException(
          HttpStatus.UNAUTHORIZED, "Authorization", "sign in: this needs a bearer token");
    }
    return () -> caller;
  }
}

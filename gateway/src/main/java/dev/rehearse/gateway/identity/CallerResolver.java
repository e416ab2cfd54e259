package dev.rehearse.gateway.identity;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Until accounts exist the candidate is whoever the X-Candidate-Id header names. */
@Singleton
public class CallerResolver {
  public Optional<Caller> resolve(HttpRequest<?> request) {
    return request.getHeaders().findFirst(Caller.CANDIDATE_HEADER)
        .map(String::trim)
        .filter(id -> !id.isEmpty() && id.length() <= 100)
        .map(id -> new Caller(id, Role.CANDIDATE));
  }
}

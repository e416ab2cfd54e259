package dev.rehearse.question.pack;

import java.util.List;

/** A pack that cannot be imported, with every problem found; nothing of it was stored. */
public class PackRejectedException extends RuntimeException {
  private final List<PackError> errors;

  public PackRejectedException(List<PackError> errors) {
    super(errors.size() + " problem(s) in the content pack: " + errors, null, false, false);
    this.errors = List.copyOf(errors);
  }

  public List<PackError> errors() {
    return errors;
  }
}

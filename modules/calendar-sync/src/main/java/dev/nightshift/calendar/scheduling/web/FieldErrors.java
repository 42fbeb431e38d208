package dev.nightshift.calendar.scheduling.web;

import dev.nightshift.platform.problem.Problem;
import dev.nightshift.platform.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/** Problems found in a request body, all reported at once as one 400. */
final class FieldErrors {

  private final List<Problem.FieldError> errors = new ArrayList<>();

  void add(String field, String message) {
    errors.add(new Problem.FieldError(field, message));
  }

  int size() {
    return errors.size();
  }

  /** Throws a 400 naming every field at fault, if there is any. */
  void throwIfAny(String slug, String what) {
    if (!errors.isEmpty()) {
      throw new ProblemException(
          Problem.of(
                  Response.Status.BAD_REQUEST,
                  slug,
                  "The " + what + " has " + errors.size() + " invalid field(s).")
              .withErrors(errors));
    }
  }
}

package dev.nightshift.platform.problem;

import jakarta.ws.rs.core.Response.Status;

/** Thrown by services to answer with a specific problem; mapped to its response as it is. */
public class ProblemException extends RuntimeException {

  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.detail());
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  /** A 404 that never says whether the resource exists for someone else. */
  public static ProblemException notFound(String what, Object id) {
    return new ProblemException(
        Problem.of(Status.NOT_FOUND, "not-found", "No " + what + " with id " + id + "."));
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(Problem.of(Status.CONFLICT, "conflict", detail));
  }

  public static ProblemException badRequest(String slug, String detail) {
    return new ProblemException(Problem.of(Status.BAD_REQUEST, slug, detail));
  }

  /** A 422: the request is well-formed, but what it asks for cannot be done. */
  public static ProblemException unprocessable(String slug, String detail) {
    return new ProblemException(Problem.of(422, "Unprocessable Content", slug, detail));
  }
}

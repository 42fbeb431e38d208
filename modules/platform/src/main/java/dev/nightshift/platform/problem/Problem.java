package dev.nightshift.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response under {@code /api/v1}.
 *
 * @param type a URI naming the kind of problem: {@code urn:nightshift:problem:<slug>}
 * @param title a short summary that is the same for every occurrence of the type
 * @param status the HTTP status code
 * @param detail what went wrong this time, in words a caller can act on
 * @param errors the offending fields, for validation problems
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One field that failed validation; {@code field} is a dotted path into the request body. */
  public record FieldError(String field, String message) {}

  public static Problem of(Response.Status status, String slug, String detail) {
    return of(status.getStatusCode(), status.getReasonPhrase(), slug, detail);
  }

  public static Problem of(int status, String title, String slug, String detail) {
    return new Problem("urn:nightshift:problem:" + slug, title, status, detail, List.of());
  }

  public Problem withErrors(List<FieldError> fieldErrors) {
    return new Problem(type, title, status, detail, List.copyOf(fieldErrors));
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA_TYPE).entity(this).build();
  }
}

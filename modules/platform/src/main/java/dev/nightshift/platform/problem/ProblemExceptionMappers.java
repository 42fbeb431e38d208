package dev.nightshift.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.nightshift.platform.blob.BlobTooLargeException;
import dev.nightshift.platform.problem.Problem.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that reaches the REST layer into a problem detail: clients never see a
 * stack trace, and each unexpected error is logged once with a reference they can quote.
 */
public class ProblemExceptionMappers {

  private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

  @ServerExceptionMapper
  public Response problem(ProblemException e) {
    return e.problem().toResponse();
  }

  /**
   * Quarkus REST has its own mapper for this subtype (wrong types, unknown fields); the most
   * specific mapper wins, so ours must name it too.
   */
  @ServerExceptionMapper
  public Response mismatchedInput(MismatchedInputException e) {
    return json(e);
  }

  /** Bodies the JSON parser rejected: by the size limit, for syntax, type or an unknown field. */
  @ServerExceptionMapper
  public Response json(JsonProcessingException e) {
    var raisedWhileReading = problemIn(e);
    if (raisedWhileReading != null) {
      return raisedWhileReading.problem().toResponse();
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return Problem.of(
              Status.BAD_REQUEST,
              "unknown-field",
              "Unknown field '"
                  + path(unknown)
                  + "'; accepted fields: "
                  + unknown.getKnownPropertyIds()
                  + ".")
          .toResponse();
    }
    if (e instanceof MismatchedInputException mismatch) {
      String expected =
          mismatch.getTargetType() == null ? "another type" : typeName(mismatch.getTargetType());
      String at = path(mismatch).isEmpty() ? "the body" : "field '" + path(mismatch) + "'";
      String given =
          e instanceof InvalidFormatException invalid ? " (got " + invalid.getValue() + ")" : "";
      return Problem.of(
              Status.BAD_REQUEST, "wrong-type", "Expected " + expected + " at " + at + given + ".")
          .toResponse();
    }
    String where =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
    return Problem.of(
            Status.BAD_REQUEST, "malformed-json", "The body is not valid JSON" + where + ".")
        .toResponse();
  }

  @ServerExceptionMapper
  public Response invalid(ConstraintViolationException e) {
    List<FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new FieldError(field(v), v.getMessage()))
            .sorted(Comparator.comparing(FieldError::field))
            .toList();
    return Problem.of(422, "Unprocessable Content", "invalid-request", "The request is invalid.")
        .withErrors(errors)
        .toResponse();
  }

  /** An upload that a resource streamed into the blob store with a limit, and that passed it. */
  @ServerExceptionMapper
  public Response blobTooLarge(BlobTooLargeException e) {
    return Problem.of(
            Status.REQUEST_ENTITY_TOO_LARGE,
            "body-too-large",
            "The content is larger than the " + e.limit() + " bytes this endpoint accepts.")
        .toResponse();
  }

  /**
   * HTTP errors raised by the REST layer itself: unknown paths (404), methods (405) and media types
   * (415), and parameters or bodies it could not convert, which arrive wrapped.
   */
  @ServerExceptionMapper
  public Response http(WebApplicationException e, ContainerRequestContext request) {
    var status = e.getResponse().getStatusInfo();
    var raisedWhileReading = problemIn(e);
    if (raisedWhileReading != null) {
      return raisedWhileReading.problem().toResponse();
    }
    if (e.getCause() instanceof JsonProcessingException parsing) {
      return json(parsing);
    }
    if (status.getFamily() == Response.Status.Family.SERVER_ERROR) {
      return unexpected(e);
    }
    if (e instanceof NotFoundException && e.getCause() != null) {
      // JAX-RS answers 404 when a path or query parameter does not convert; it is a bad request.
      return Problem.of(
              Status.BAD_REQUEST,
              "invalid-parameter",
              "A path or query parameter has the wrong format: " + e.getCause().getMessage())
          .toResponse();
    }
    String slug = status.getReasonPhrase().toLowerCase().replaceAll("[^a-z]+", "-");
    String detail =
        switch (status.getStatusCode()) {
          case 404 -> "Nothing at " + request.getUriInfo().getPath() + ".";
          case 405 ->
              request.getMethod() + " is not allowed on " + request.getUriInfo().getPath() + ".";
          case 406 -> "This endpoint answers application/json; the Accept header excludes it.";
          case 415 ->
              "Content-Type "
                  + request.getMediaType()
                  + " is not accepted here; send application/json.";
          default -> e.getMessage();
        };
    return Problem.of(status.getStatusCode(), status.getReasonPhrase(), slug, detail).toResponse();
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e) {
    var reference = UUID.randomUUID();
    LOG.errorf(e, "Unexpected error, reference %s", reference);
    return Problem.of(
            Status.INTERNAL_SERVER_ERROR,
            "internal-error",
            "Something went wrong on our side; quote reference "
                + reference
                + " when reporting it.")
        .toResponse();
  }

  /**
   * A problem raised by our own code while the body was read (the size limit), which the JSON
   * parser and the REST layer wrap in their own exceptions.
   */
  private static ProblemException problemIn(Throwable e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ProblemException problem) {
        return problem;
      }
    }
    return null;
  }

  /** The property path without the resource method and parameter names that lead to the body. */
  private static String field(ConstraintViolation<?> violation) {
    var nodes =
        StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
            .map(node -> node.getName())
            .toList();
    // Paths of request bodies look like "create.body.name": method, parameter, then the field.
    var fields =
        nodes.size() > 2
            ? nodes.subList(2, nodes.size())
            : nodes.subList(nodes.size() - 1, nodes.size());
    return String.join(".", fields);
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String typeName(Class<?> type) {
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class || type.isEnum() || type == UUID.class) {
      return "a string";
    }
    if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return "an object";
  }
}

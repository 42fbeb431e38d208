package dev.nightshift.engine.runtime.web;

import dev.nightshift.engine.InvalidEventException;
import dev.nightshift.engine.runtime.event.EventTooLargeException;
import dev.nightshift.platform.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Problem details for refused events; nothing was published when they are thrown. */
public class EventExceptionMappers {

  @ServerExceptionMapper
  public Response tooLarge(EventTooLargeException e) {
    return Problem.of(Status.REQUEST_ENTITY_TOO_LARGE, "payload-too-large", e.getMessage())
        .toResponse();
  }

  @ServerExceptionMapper
  public Response invalid(InvalidEventException e) {
    return Problem.of(422, "Unprocessable Content", "invalid-event", e.getMessage()).toResponse();
  }
}

package dev.nightshift.engine.runtime.web;

import dev.nightshift.engine.InvalidPayloadException;
import dev.nightshift.engine.UnknownTaskException;
import dev.nightshift.engine.runtime.trigger.PayloadTooLargeException;
import dev.nightshift.engine.runtime.trigger.UnknownQueueException;
import dev.nightshift.platform.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Problem details for the engine's exceptions; nothing was stored when they are thrown. */
public class EngineExceptionMappers {

  @ServerExceptionMapper
  public Response unknownTask(UnknownTaskException e) {
    return Problem.of(Status.NOT_FOUND, "unknown-task", e.getMessage()).toResponse();
  }

  @ServerExceptionMapper
  public Response payloadTooLarge(PayloadTooLargeException e) {
    return Problem.of(Status.REQUEST_ENTITY_TOO_LARGE, "payload-too-large", e.getMessage())
        .toResponse();
  }

  @ServerExceptionMapper
  public Response unknownQueue(UnknownQueueException e) {
    return Problem.of(422, "Unprocessable Content", "unknown-queue", e.getMessage()).toResponse();
  }

  @ServerExceptionMapper
  public Response invalidPayload(InvalidPayloadException e) {
    return Problem.of(422, "Unprocessable Content", "invalid-payload", e.getMessage()).toResponse();
  }
}

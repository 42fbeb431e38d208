package dev.nightshift.engine.runtime.web;

import dev.nightshift.engine.DuplicateScheduleException;
import dev.nightshift.engine.InvalidScheduleException;
import dev.nightshift.platform.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Problem details for refused schedules; nothing was stored when they are thrown. */
public class ScheduleExceptionMappers {

  @ServerExceptionMapper
  public Response invalidSchedule(InvalidScheduleException e) {
    return Problem.of(Status.BAD_REQUEST, "invalid-schedule", e.getMessage()).toResponse();
  }

  @ServerExceptionMapper
  public Response duplicateSchedule(DuplicateScheduleException e) {
    return Problem.of(Status.CONFLICT, "conflict", e.getMessage()).toResponse();
  }
}

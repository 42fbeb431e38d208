package dev.nightshift.calendar.web;

import java.util.UUID;

/**
 * The answer to a new connection.
 *
 * @param syncRunId the run of its first full sync: follow it at {@code /api/v1/runs/{id}/events}
 */
public record CreatedConnection(ConnectionView connection, UUID syncRunId) {}

package dev.nightshift.exports.web;

import dev.nightshift.exports.config.ExportsConfig;
import dev.nightshift.exports.export.Export;
import dev.nightshift.exports.export.ExportStore;
import dev.nightshift.exports.link.DownloadLinks;
import dev.nightshift.platform.api.Cursor;
import dev.nightshift.platform.api.IdempotencyKeys;
import dev.nightshift.platform.api.Page;
import dev.nightshift.platform.auth.TeamScope;
import dev.nightshift.platform.problem.ProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A team's exports: start one, follow it, fetch its download link, cancel or delete it. */
@Path("/api/v1/exports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exports")
public class ExportResource {

  private final ExportStore exports;
  private final Exporting exporting;
  private final DownloadLinks links;
  private final TeamScope scope;
  private final ExportsConfig config;

  ExportResource(
      ExportStore exports,
      Exporting exporting,
      DownloadLinks links,
      TeamScope scope,
      ExportsConfig config) {
    this.exports = exports;
    this.exporting = exporting;
    this.links = links;
    this.scope = scope;
    this.config = config;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Export transactions (by id or filter) to a CSV archive with their attachments; 202 with"
              + " the export, or 200 with the earlier one for a repeated Idempotency-Key")
  public Response start(
      @QueryParam("team") UUID team,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      ExportRequest request) {
    var owner = scope.team(team);
    IdempotencyKeys.checked(idempotencyKey);
    var now = Instant.now();
    var checked = RequestCheck.check(request, config.maxTransactionIds(), now);
    var started = exporting.start(owner, checked, idempotencyKey, now);
    var view = ExportView.of(started.export(), links);
    if (!started.created()) {
      return Response.ok(view).build();
    }
    return Response.status(Response.Status.ACCEPTED)
        .location(URI.create("/api/v1/exports/" + view.id()))
        .entity(view)
        .build();
  }

  @GET
  @Operation(summary = "List the team's exports, newest first")
  public Page<ExportView> list(
      @QueryParam("team") UUID team,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
    var page = exports.list(scope.team(team), Cursor.decode(cursor), limit);
    var last = page.size() == limit ? page.getLast() : null;
    return new Page<>(
        page.stream().map(export -> ExportView.of(export, links)).toList(),
        last == null ? null : new Cursor(last.createdAt(), last.id()).encode());
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "An export's status and progress, with a fresh download link once completed")
  public ExportView get(@PathParam("id") UUID id) {
    return ExportView.of(visible(id), links);
  }

  @POST
  @Path("/{id}/cancel")
  @Operation(summary = "Cancel a queued or running export; 409 once it finished")
  public ExportView cancel(@PathParam("id") UUID id) {
    return ExportView.of(exporting.cancel(visible(id)), links);
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Delete an export and its archive; its links stop working")
  public Response delete(@PathParam("id") UUID id) throws IOException {
    exporting.delete(visible(id));
    return Response.noContent().build();
  }

  private Export visible(UUID id) {
    var export = exports.find(id).orElseThrow(() -> ProblemException.notFound("export", id));
    scope.check(export.teamId(), "export", id);
    return export;
  }
}

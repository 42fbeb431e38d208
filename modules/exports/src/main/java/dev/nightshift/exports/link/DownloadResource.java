package dev.nightshift.exports.link;

import dev.nightshift.exports.export.Export;
import dev.nightshift.exports.export.ExportStatus;
import dev.nightshift.exports.export.ExportStore;
import dev.nightshift.platform.blob.NoSuchBlobException;
import dev.nightshift.platform.blob.Vault;
import dev.nightshift.platform.problem.Problem;
import dev.nightshift.platform.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Serves an export's archive to whoever holds a signed link ({@link DownloadLinks}), outside {@code
 * /api/v1} and without an API key. A link that was not issued (a changed id, expiry or signature,
 * or an unknown export) is 403; an expired link, or an export whose archive is gone, is 410.
 */
@Path("/downloads/exports")
@Tag(name = "Exports")
public class DownloadResource {

  private final ExportStore exports;
  private final DownloadLinks links;
  private final Vault vault;

  DownloadResource(ExportStore exports, DownloadLinks links, Vault vault) {
    this.exports = exports;
    this.links = links;
    this.vault = vault;
  }

  @GET
  @Path("/{id}")
  @Produces({"application/zip", Problem.MEDIA_TYPE})
  @Operation(summary = "Download an export's archive through a signed, expiring link")
  public Response download(
      @PathParam("id") String id,
      @QueryParam("expires") String expires,
      @QueryParam("signature") String signature) {
    var export = genuine(id, expires, signature);
    try {
      var size = vault.size(export.archivePath());
      if (size.isEmpty()) {
        throw gone("export-expired", "The export's archive was deleted; export again.");
      }
      return Response.ok(vault.open(export.archivePath()), "application/zip")
          .header("Content-Length", size.getAsLong())
          .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"")
          .header("Cache-Control", "private, no-store")
          .build();
    } catch (NoSuchBlobException e) {
      throw gone("export-expired", "The export's archive was deleted; export again.");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the archive of export " + export.id(), e);
    }
  }

  private Export genuine(String id, String expires, String signature) {
    UUID exportId;
    long expiry;
    try {
      exportId = UUID.fromString(id);
      expiry = Long.parseLong(expires);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw forged();
    }
    if (signature == null) {
      throw forged();
    }
    var export = exports.find(exportId).orElseThrow(DownloadResource::forged);
    switch (links.verify(export, expiry, signature)) {
      case FORGED -> throw forged();
      case EXPIRED ->
          throw gone("link-expired", "This download link has expired; ask for a new one.");
      case VALID -> {}
    }
    if (export.status() != ExportStatus.COMPLETED) {
      throw gone("export-expired", "The export's archive is no longer available; export again.");
    }
    return export;
  }

  private static ProblemException forged() {
    return new ProblemException(
        Problem.of(
            Response.Status.FORBIDDEN,
            "invalid-link",
            "This is not a download link Nightshift issued: check that it was copied whole."));
  }

  private static ProblemException gone(String slug, String detail) {
    return new ProblemException(Problem.of(Response.Status.GONE, slug, detail));
  }
}

package dev.nightshift.inbox.web;

import dev.nightshift.inbox.config.InboxConfig;
import dev.nightshift.inbox.email.AddressStore;
import dev.nightshift.inbox.intake.DocumentTooLargeException;
import dev.nightshift.inbox.intake.Incoming;
import dev.nightshift.inbox.intake.Intake;
import dev.nightshift.inbox.intake.Received;
import dev.nightshift.inbox.item.InboxItem;
import dev.nightshift.inbox.item.ItemCursor;
import dev.nightshift.inbox.item.ItemStatus;
import dev.nightshift.inbox.item.ItemStore;
import dev.nightshift.inbox.item.Source;
import dev.nightshift.platform.api.Page;
import dev.nightshift.platform.auth.TeamScope;
import dev.nightshift.platform.blob.BlobStore;
import dev.nightshift.platform.problem.Problem;
import dev.nightshift.platform.problem.ProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** A team's inbox: its items, uploads, and the address that mails documents to it. */
@Path("/api/v1/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inbox")
public class InboxResource {

  private static final Set<String> MATCH_STATUSES =
      Set.of("UNMATCHED", "SUGGESTED", "MATCHED", "NO_MATCH");

  private final ItemStore items;
  private final Intake intake;
  private final AddressStore addresses;
  private final BlobStore blobs;
  private final TeamScope scope;
  private final InboxConfig config;

  InboxResource(
      ItemStore items,
      Intake intake,
      AddressStore addresses,
      BlobStore blobs,
      TeamScope scope,
      InboxConfig config) {
    this.items = items;
    this.intake = intake;
    this.addresses = addresses;
    this.blobs = blobs;
    this.scope = scope;
    this.config = config;
  }

  /** Where to send or forward documents for the team. */
  public record InboxAddress(UUID team, String address) {}

  @GET
  @Operation(summary = "List the team's inbox items, newest first, with filters and a cursor")
  public Page<InboxItem> list(
      @QueryParam("team") UUID team,
      @QueryParam("status") String status,
      @QueryParam("matchStatus") String matchStatus,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
    var page =
        items.list(
            scope.team(team),
            status(status),
            matchStatus(matchStatus),
            ItemCursor.decode(cursor),
            limit);
    var last = page.size() == limit ? page.getLast() : null;
    return new Page<>(
        page, last == null ? null : new ItemCursor(last.createdAt(), last.id()).encode());
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Get an inbox item with its extracted fields and match status")
  public InboxItem get(@PathParam("id") UUID id) {
    return visible(id);
  }

  @GET
  @Path("/{id}/document")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "Download the item's original document")
  public Response document(@PathParam("id") UUID id) {
    var item = visible(id);
    try {
      return Response.ok(blobs.open(item.blobKey()), item.contentType())
          .header("Content-Disposition", "attachment; filename=\"" + safe(item.fileName()) + "\"")
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the document of inbox item " + id, e);
    }
  }

  @GET
  @Path("/address")
  @Operation(summary = "The email address that delivers documents to the team's inbox")
  public InboxAddress address(@QueryParam("team") UUID team) {
    var owner = scope.team(team);
    return new InboxAddress(owner, addresses.tokenFor(owner) + "@" + config.emailDomain());
  }

  @POST
  @Path("/uploads")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary =
          "Upload a document (multipart field 'file'); 'reference' makes a retried upload"
              + " harmless")
  public Response upload(
      @QueryParam("team") UUID team,
      @RestForm("file") FileUpload file,
      @RestForm("reference") @Size(max = 200) String reference) {
    var owner = scope.team(team);
    if (file == null) {
      throw ProblemException.badRequest("invalid-upload", "The multipart field 'file' is missing.");
    }
    long limit = config.maxDocumentSize().asLongValue();
    if (file.size() > limit) {
      throw tooLarge(new DocumentTooLargeException(file.fileName(), file.size(), limit));
    }
    byte[] content;
    try {
      content = Files.readAllBytes(file.uploadedFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the upload", e);
    }
    var referenceId =
        reference == null || reference.isBlank()
            ? "upload:" + UUID.randomUUID()
            : "upload:" + reference;
    Received received;
    try {
      received =
          intake.accept(
              owner,
              new Incoming(
                  Source.UPLOAD,
                  referenceId,
                  file.fileName(),
                  file.contentType(),
                  content,
                  null,
                  null));
    } catch (DocumentTooLargeException e) {
      throw tooLarge(e);
    }
    return switch (received.outcome()) {
      case CREATED -> Response.status(Response.Status.ACCEPTED).entity(received).build();
      case DUPLICATE -> Response.ok(received).build();
      case SKIPPED -> throw ProblemException.unprocessable("not-a-document", received.reason());
    };
  }

  private InboxItem visible(UUID id) {
    var item = items.find(id).orElseThrow(() -> ProblemException.notFound("inbox item", id));
    scope.check(item.teamId(), "inbox item", id);
    return item;
  }

  private static ItemStatus status(String value) {
    if (value == null) {
      return null;
    }
    try {
      return ItemStatus.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest(
          "invalid-parameter", "status must be new, processing, processed or failed");
    }
  }

  private static String matchStatus(String value) {
    if (value == null) {
      return null;
    }
    var wanted = value.toUpperCase(Locale.ROOT);
    if (!MATCH_STATUSES.contains(wanted)) {
      throw ProblemException.badRequest(
          "invalid-parameter", "matchStatus must be unmatched, suggested, matched or no_match");
    }
    return wanted;
  }

  private static ProblemException tooLarge(DocumentTooLargeException e) {
    return new ProblemException(
        Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "document-too-large", e.getMessage()));
  }

  private static String safe(String fileName) {
    return fileName.replaceAll("[\"\\\\\\r\\n]", "_");
  }
}

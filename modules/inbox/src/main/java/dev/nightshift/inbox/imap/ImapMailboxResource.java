package dev.nightshift.inbox.imap;

import dev.nightshift.platform.api.Page;
import dev.nightshift.platform.auth.TeamScope;
import dev.nightshift.platform.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A team's IMAP mailboxes, polled for documents. Passwords go in, never out. */
@Path("/api/v1/inbox/mailboxes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inbox")
public class ImapMailboxResource {

  private final Mailboxes mailboxes;
  private final MailboxStore store;
  private final TeamScope scope;

  ImapMailboxResource(Mailboxes mailboxes, MailboxStore store, TeamScope scope) {
    this.mailboxes = mailboxes;
    this.store = store;
    this.scope = scope;
  }

  /** The poll run a request started: follow it at {@code /api/v1/runs/{runId}}. */
  public record PollRun(UUID mailboxId, UUID runId) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Add a mailbox to poll every few minutes; with verify (the default) it logs in first"
              + " and answers 422 with the server's reason when it cannot")
  public Response create(@NotNull @Valid MailboxRequest body) {
    var team = scope.team(body.team());
    var security = body.security() == null ? Security.SSL : body.security();
    var login =
        new Login(
            body.host().strip().toLowerCase(Locale.ROOT),
            body.port() == null ? security.defaultPort() : body.port(),
            security,
            body.username(),
            body.password(),
            body.folder() == null ? "INBOX" : body.folder());
    var created = mailboxes.create(team, login, body.verify() == null || body.verify());
    return Response.status(Response.Status.CREATED).entity(created).build();
  }

  @GET
  @Operation(summary = "List the team's mailboxes, oldest first")
  public Page<Mailbox> list(@QueryParam("team") UUID team) {
    return new Page<>(store.listFor(scope.team(team)), null);
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Get a mailbox with its polling state")
  public Mailbox get(@PathParam("id") UUID id) {
    return visible(id);
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Change a mailbox's password or folder, or turn it off and on; activating clears its"
              + " failures")
  public Mailbox update(@PathParam("id") UUID id, @NotNull @Valid MailboxChange body) {
    var mailbox = visible(id);
    return mailboxes.update(
        mailbox,
        body.password(),
        body.folder(),
        body.active(),
        body.verify() == null || body.verify());
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Stop polling a mailbox and forget it; its inbox items stay")
  public Response delete(@PathParam("id") UUID id) {
    mailboxes.delete(visible(id));
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/poll")
  @Operation(summary = "Poll a mailbox now; answers the run to follow")
  public Response poll(@PathParam("id") UUID id) {
    var run = mailboxes.pollNow(visible(id));
    return Response.accepted(new PollRun(id, run.id())).build();
  }

  private Mailbox visible(UUID id) {
    var mailbox = store.find(id).orElseThrow(() -> ProblemException.notFound("mailbox", id));
    scope.check(mailbox.teamId(), "mailbox", id);
    return mailbox;
  }
}

package dev.nightshift.inbox.email;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.inbox.config.InboxConfig;
import dev.nightshift.inbox.intake.Received;
import dev.nightshift.platform.problem.Problem;
import dev.nightshift.platform.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Postmark's inbound email webhook. Postmark retries anything but a 2xx or a 403, so a mail for an
 * address that belongs to no team is answered 403: retrying cannot help it.
 */
@Path("/webhooks/postmark/inbound")
@Tag(name = "Provider webhooks")
public class PostmarkWebhookResource {

  private final PostmarkAuthenticator authenticator;
  private final InboundEmails emails;
  private final ObjectMapper json;
  private final InboxConfig config;

  PostmarkWebhookResource(
      PostmarkAuthenticator authenticator,
      InboundEmails emails,
      ObjectMapper json,
      InboxConfig config) {
    this.authenticator = authenticator;
    this.emails = emails;
    this.json = json;
    this.config = config;
  }

  /** What the webhook did with each attachment. */
  public record Answer(String messageId, List<Received> attachments) {}

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Receive an inbound email in Postmark's JSON format (Basic auth or ?token=); each"
              + " document attachment becomes an inbox item")
  public Answer receive(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @QueryParam("token") String token,
      byte[] body) {
    authenticator.check(authorization, token);
    long limit = config.maxEmailSize().asLongValue();
    if (body.length > limit) {
      throw new ProblemException(
          Problem.of(
              Response.Status.REQUEST_ENTITY_TOO_LARGE,
              "email-too-large",
              "The email has "
                  + body.length
                  + " bytes; at most "
                  + limit
                  + " are taken (nightshift.inbox.max-email-size)."));
    }
    var mail = parse(body);
    List<Received> received;
    try {
      received =
          emails
              .receive(mail)
              .orElseThrow(
                  () ->
                      new ProblemException(
                          Problem.of(
                              Response.Status.FORBIDDEN,
                              "unknown-inbox-address",
                              "No recipient of this email is a team's inbox address.")));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("invalid-email", e.getMessage());
    }
    return new Answer(mail.messageId(), received);
  }

  private PostmarkInbound parse(byte[] body) {
    if (body.length == 0) {
      throw ProblemException.badRequest("invalid-email", "The body is empty.");
    }
    try {
      var mail = json.readValue(body, PostmarkInbound.class);
      if (mail == null) {
        throw ProblemException.badRequest("invalid-email", "The body is not a JSON object.");
      }
      return mail;
    } catch (JsonProcessingException e) {
      throw ProblemException.badRequest(
          "invalid-email", "The body is not Postmark inbound JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw ProblemException.badRequest("invalid-email", "The body could not be read.");
    }
  }
}

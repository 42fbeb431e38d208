package dev.nightshift.inbox.email;

import dev.nightshift.inbox.config.InboxConfig;
import dev.nightshift.inbox.intake.DocumentTooLargeException;
import dev.nightshift.inbox.intake.Incoming;
import dev.nightshift.inbox.intake.Intake;
import dev.nightshift.inbox.intake.Received;
import dev.nightshift.inbox.item.Source;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Turns an inbound email into inbox items: the team is the one whose address the mail was sent to,
 * and each attachment is offered to intake under {@code <MessageID>/<index>}, so a webhook Postmark
 * retries stores nothing twice.
 */
@ApplicationScoped
public class InboundEmails {

  private final AddressStore addresses;
  private final Intake intake;
  private final InboxConfig config;

  InboundEmails(AddressStore addresses, Intake intake, InboxConfig config) {
    this.addresses = addresses;
    this.intake = intake;
    this.config = config;
  }

  /**
   * @throws IllegalArgumentException when the mail lacks its message id
   * @return empty when no recipient is a team's inbox address
   */
  public Optional<List<Received>> receive(PostmarkInbound mail) {
    if (mail.messageId() == null || mail.messageId().isBlank()) {
      throw new IllegalArgumentException("MessageID is missing: it makes redelivery harmless");
    }
    var team = recipientTeam(mail);
    if (team.isEmpty()) {
      return Optional.empty();
    }
    var received = new ArrayList<Received>();
    var attachments =
        mail.attachments() == null ? List.<PostmarkInbound.Attachment>of() : mail.attachments();
    for (int i = 0; i < attachments.size(); i++) {
      received.add(offer(team.get(), mail, i, attachments.get(i)));
    }
    return Optional.of(received);
  }

  private Received offer(UUID team, PostmarkInbound mail, int index, PostmarkInbound.Attachment a) {
    var reference = mail.messageId() + "/" + index;
    var name = a.name() == null || a.name().isBlank() ? "attachment-" + index : a.name();
    if (a.contentId() != null
        && !a.contentId().isBlank()
        && a.contentType() != null
        && a.contentType().startsWith("image/")) {
      return skipped(reference, name, "an image shown inside the mail body (it has a ContentID)");
    }
    byte[] content;
    try {
      content = Base64.getMimeDecoder().decode(a.content() == null ? "" : a.content());
    } catch (IllegalArgumentException e) {
      return skipped(reference, name, "the attachment's Content is not base64");
    }
    try {
      return intake.accept(
          team,
          new Incoming(
              Source.EMAIL,
              reference,
              name,
              a.contentType(),
              content,
              mail.sender(),
              mail.subject()));
    } catch (DocumentTooLargeException e) {
      return skipped(reference, name, e.getMessage());
    }
  }

  private Optional<UUID> recipientTeam(PostmarkInbound mail) {
    var domain = "@" + config.emailDomain().toLowerCase(Locale.ROOT);
    return Stream.of(
            list(mail.toFull()).stream().map(PostmarkInbound.Address::email),
            list(mail.ccFull()).stream().map(PostmarkInbound.Address::email),
            list(mail.bccFull()).stream().map(PostmarkInbound.Address::email),
            Stream.of(mail.originalRecipient()))
        .flatMap(s -> s)
        .filter(email -> email != null && email.toLowerCase(Locale.ROOT).endsWith(domain))
        .map(email -> token(email.substring(0, email.length() - domain.length())))
        .map(addresses::teamOf)
        .flatMap(Optional::stream)
        .findFirst();
  }

  /** The local part without a {@code +tag}, which mail providers let users add freely. */
  private static String token(String localPart) {
    var plus = localPart.indexOf('+');
    return (plus < 0 ? localPart : localPart.substring(0, plus)).toLowerCase(Locale.ROOT);
  }

  private static <T> List<T> list(List<T> values) {
    return values == null ? List.of() : values;
  }

  private Received skipped(String reference, String name, String reason) {
    return intake.skipped(Source.EMAIL, reference, name, reason);
  }
}

package dev.nightshift.inbox.email;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The parts of Postmark's inbound webhook JSON that the inbox reads; Postmark names its fields in
 * PascalCase.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostmarkInbound(
    @JsonProperty("From") String from,
    @JsonProperty("FromFull") Address fromFull,
    @JsonProperty("To") String to,
    @JsonProperty("ToFull") List<Address> toFull,
    @JsonProperty("CcFull") List<Address> ccFull,
    @JsonProperty("BccFull") List<Address> bccFull,
    @JsonProperty("OriginalRecipient") String originalRecipient,
    @JsonProperty("Subject") String subject,
    @JsonProperty("MessageID") String messageId,
    @JsonProperty("Attachments") List<Attachment> attachments) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Address(
      @JsonProperty("Email") String email,
      @JsonProperty("Name") String name,
      @JsonProperty("MailboxHash") String mailboxHash) {}

  /**
   * @param content base64
   * @param contentId set for images shown inside the mail body (logos, signatures)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Attachment(
      @JsonProperty("Name") String name,
      @JsonProperty("Content") String content,
      @JsonProperty("ContentType") String contentType,
      @JsonProperty("ContentLength") Long contentLength,
      @JsonProperty("ContentID") String contentId) {}

  public String sender() {
    return fromFull != null && fromFull.email() != null ? fromFull.email() : from;
  }
}

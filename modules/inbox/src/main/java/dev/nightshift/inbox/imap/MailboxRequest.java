package dev.nightshift.inbox.imap;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A mailbox to poll. {@code security} defaults to SSL, {@code port} to the security's usual port
 * (993, or 143), {@code folder} to INBOX, {@code verify} to true (log in before saving); {@code
 * team} is for the admin key only. The password is stored sealed and never shown again.
 */
public record MailboxRequest(
    UUID team,
    @NotBlank @Size(max = 253) String host,
    @Min(1) @Max(65535) Integer port,
    Security security,
    @NotBlank @Size(max = 320) String username,
    @NotBlank @Size(max = 1000) String password,
    @Size(min = 1, max = 200) String folder,
    Boolean verify) {}

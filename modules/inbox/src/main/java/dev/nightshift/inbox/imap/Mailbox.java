package dev.nightshift.inbox.imap;

import java.time.Instant;
import java.util.UUID;

/**
 * A team mailbox as the API shows it: never its password.
 *
 * @param uidValidity the folder's UIDVALIDITY when {@code lastUid} was read; null before the first
 *     poll
 * @param lastUid messages with a higher UID are new
 * @param consecutiveFailures failed polls in a row; a successful poll resets it
 * @param scheduleId the engine schedule that polls it
 */
public record Mailbox(
    UUID id,
    UUID teamId,
    String host,
    int port,
    Security security,
    String username,
    String folder,
    Long uidValidity,
    long lastUid,
    MailboxStatus status,
    Instant lastPolledAt,
    String lastError,
    int consecutiveFailures,
    UUID scheduleId,
    Instant createdAt,
    Instant updatedAt) {}

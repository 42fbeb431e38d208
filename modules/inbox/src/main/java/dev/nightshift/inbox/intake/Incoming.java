package dev.nightshift.inbox.intake;

import dev.nightshift.inbox.item.Source;

/**
 * A file offered to a team's inbox.
 *
 * @param referenceId names it within its source, such as {@code <MessageID>/<attachment index>}:
 *     offering the same reference again stores nothing new
 * @param declaredType the content type the sender gave, which intake checks against the content
 */
public record Incoming(
    Source source,
    String referenceId,
    String fileName,
    String declaredType,
    byte[] content,
    String sender,
    String subject) {}

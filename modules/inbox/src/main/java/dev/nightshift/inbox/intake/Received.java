package dev.nightshift.inbox.intake;

import java.util.UUID;

/**
 * What became of one offered file.
 *
 * @param itemId the inbox item, new or received before; null when skipped
 * @param runId the process-document run that extracts it; null when skipped
 * @param reason why a skipped file is not a document
 */
public record Received(
    String referenceId, String fileName, Outcome outcome, UUID itemId, UUID runId, String reason) {

  public enum Outcome {
    CREATED,
    DUPLICATE,
    SKIPPED
  }
}

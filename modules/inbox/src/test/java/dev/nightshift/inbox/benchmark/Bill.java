package dev.nightshift.inbox.benchmark;

import dev.nightshift.inbox.corpus.GroundTruth;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One document of the pipeline benchmark: what the generated PDF says, the PDF, and the bank
 * transaction that paid it, or null for a bill no transaction belongs to.
 */
record Bill(GroundTruth truth, byte[] pdf, Payment payment) {

  /** The transaction that paid a bill: the total negated, in the bill's currency. */
  record Payment(UUID transactionId, LocalDate date, String label) {}

  /** The reference the upload gives it, as the upload endpoint writes one. */
  String reference() {
    return "upload:" + truth.id();
  }
}

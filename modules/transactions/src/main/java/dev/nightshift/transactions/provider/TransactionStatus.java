package dev.nightshift.transactions.provider;

/** A pending transaction may still change or vanish; a posted one is booked. */
public enum TransactionStatus {
  PENDING,
  POSTED
}

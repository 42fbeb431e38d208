package dev.nightshift.transactions.provider;

/** How money moved, as far as the provider tells. */
public enum TransactionMethod {
  PAYMENT,
  CARD_PURCHASE,
  CARD_ATM,
  TRANSFER,
  ACH,
  WIRE,
  DEPOSIT,
  INTEREST,
  FEE,
  OTHER,
  UNKNOWN
}

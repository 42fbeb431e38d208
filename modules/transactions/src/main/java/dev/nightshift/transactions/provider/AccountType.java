package dev.nightshift.transactions.provider;

/** Kinds of account, as Midday and Plaid name them. */
public enum AccountType {
  DEPOSITORY,
  CREDIT,
  LOAN,
  OTHER_ASSET,
  OTHER_LIABILITY
}

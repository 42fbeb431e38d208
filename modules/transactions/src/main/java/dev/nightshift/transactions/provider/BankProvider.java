package dev.nightshift.transactions.provider;

import java.time.LocalDate;
import java.util.List;

/**
 * One bank data provider, mapped to the module's normalised shapes. Implementations are CDI beans;
 * each call to the provider's API has its own timeout, retries and circuit breaker, and failures
 * surface as {@link ProviderAuthException} (the user must reconnect: never retried) or {@link
 * ProviderUnavailableException} (transient: retried later).
 */
public interface BankProvider {

  /**
   * {@code sandbox}, {@code plaid}, {@code gocardless} or {@code teller}: stored per connection.
   */
  String id();

  /** False when its settings (keys, secrets) are missing: connections to it are refused. */
  boolean configured();

  /** Turns what the provider's link flow gave the client into credentials to store. */
  LinkedConnection link(LinkRequest request);

  /** The connection's accounts with their balances. */
  List<ProviderAccount> accounts(Credentials credentials);

  /**
   * One page of an account's transactions booked on or after {@code since}, pending ones included;
   * {@code cursor} is null for the first page and then the previous page's {@link
   * TransactionPage#nextCursor()}.
   */
  TransactionPage transactions(
      Credentials credentials, ProviderAccount account, LocalDate since, String cursor);

  /** Whether the provider still grants access. */
  ConnectionStatus status(Credentials credentials);

  /** Revokes the access at the provider; already revoked is not an error. */
  void revoke(Credentials credentials);
}

package dev.nightshift.transactions.provider.plaid;

import dev.nightshift.transactions.provider.BankProvider;
import dev.nightshift.transactions.provider.ConnectionStatus;
import dev.nightshift.transactions.provider.Credentials;
import dev.nightshift.transactions.provider.LinkRequest;
import dev.nightshift.transactions.provider.LinkedConnection;
import dev.nightshift.transactions.provider.ProviderAccount;
import dev.nightshift.transactions.provider.ProviderAuthException;
import dev.nightshift.transactions.provider.TransactionPage;
import dev.nightshift.transactions.provider.plaid.PlaidApi.Item;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/**
 * Plaid (plaid.com): an Item is one login at one institution, reached with its access token; the
 * connection's reference is the Item id, which Plaid's webhooks name.
 *
 * <p>Transactions come from {@code /transactions/sync}, one stream per account ({@code
 * options.account_id}); the page cursor is Plaid's cursor. A posted transaction carries the id of
 * the pending transaction it replaces, so it overwrites that one when stored by id.
 */
@ApplicationScoped
public class PlaidProvider implements BankProvider {

  private final PlaidConfig config;
  private final PlaidClient client;

  PlaidProvider(PlaidConfig config, PlaidClient client) {
    this.config = config;
    this.client = client;
  }

  @Override
  public String id() {
    return "plaid";
  }

  @Override
  public boolean configured() {
    return config.clientId().filter(id -> !id.isBlank()).isPresent()
        && config.secret().filter(secret -> !secret.isBlank()).isPresent();
  }

  /** Exchanges Link's public token (valid for 30 minutes, once) for the Item's access token. */
  @Override
  public LinkedConnection link(LinkRequest request) {
    requireConfigured();
    if (request.token() == null || request.token().isBlank()) {
      throw new IllegalArgumentException("A Plaid connection needs the public token from Link");
    }
    var exchanged = PlaidErrors.surfaced(() -> client.exchangePublicToken(request.token()));
    Item item = PlaidErrors.surfaced(() -> client.item(exchanged.accessToken())).item();
    String institutionId =
        item.institutionId() != null ? item.institutionId() : request.institutionId();
    return new LinkedConnection(
        new Credentials(exchanged.accessToken(), exchanged.itemId()),
        institutionId,
        item.institutionName() != null ? item.institutionName() : institutionId);
  }

  @Override
  public List<ProviderAccount> accounts(Credentials credentials) {
    requireConfigured();
    return PlaidErrors.surfaced(() -> client.accounts(credentials.accessToken()))
        .accounts()
        .stream()
        .map(PlaidAccountMapper::toAccount)
        .toList();
  }

  /**
   * Plaid has no date filter on {@code /transactions/sync}: every page is fetched and {@code since}
   * applied here. Pages can be empty while Plaid still pulls a new Item's history; its {@code
   * SYNC_UPDATES_AVAILABLE} webhook says when there is more.
   */
  @Override
  public TransactionPage transactions(
      Credentials credentials, ProviderAccount account, LocalDate since, String cursor) {
    requireConfigured();
    var response =
        PlaidErrors.surfaced(
            () -> client.syncTransactions(credentials.accessToken(), cursor, account.id()));
    return PlaidTransactionMapper.page(response, account, since);
  }

  /** From {@code /item/get}, which reports the Item's error without failing. */
  @Override
  public ConnectionStatus status(Credentials credentials) {
    requireConfigured();
    try {
      Item item = PlaidErrors.surfaced(() -> client.item(credentials.accessToken())).item();
      return PlaidErrors.requiresReconnect(item.error())
          ? ConnectionStatus.DISCONNECTED
          : ConnectionStatus.CONNECTED;
    } catch (ProviderAuthException e) {
      return ConnectionStatus.DISCONNECTED;
    }
  }

  @Override
  public void revoke(Credentials credentials) {
    requireConfigured();
    try {
      PlaidErrors.surfaced(
          () -> {
            client.removeItem(credentials.accessToken());
            return null;
          });
    } catch (ProviderAuthException e) {
      if (!PlaidErrors.GONE.contains(e.code())) {
        throw e;
      }
    }
  }

  private void requireConfigured() {
    if (!configured()) {
      throw new IllegalStateException(
          "Plaid is not configured: set nightshift.transactions.plaid.client-id and secret");
    }
  }
}

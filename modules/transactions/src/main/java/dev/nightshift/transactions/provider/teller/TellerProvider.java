package dev.nightshift.transactions.provider.teller;

import dev.nightshift.transactions.provider.BankProvider;
import dev.nightshift.transactions.provider.ConnectionStatus;
import dev.nightshift.transactions.provider.Credentials;
import dev.nightshift.transactions.provider.LinkRequest;
import dev.nightshift.transactions.provider.LinkedConnection;
import dev.nightshift.transactions.provider.ProviderAccount;
import dev.nightshift.transactions.provider.ProviderAuthException;
import dev.nightshift.transactions.provider.ProviderTransaction;
import dev.nightshift.transactions.provider.ProviderUnavailableException;
import dev.nightshift.transactions.provider.TransactionPage;
import dev.nightshift.transactions.provider.teller.TellerApi.Account;
import dev.nightshift.transactions.provider.teller.TellerApi.Transaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Teller: US banks. Teller Connect gives the client an enrollment with an access token; Nightshift
 * stores the token ({@link Credentials#accessToken()}) and the enrollment id ({@link
 * Credentials#reference()}), by which Teller's webhooks name the connection. A disconnected
 * enrollment answers with an {@code enrollment.disconnected} error until the user logs in again.
 */
@ApplicationScoped
public class TellerProvider implements BankProvider {

  private static final Logger LOG = Logger.getLogger(TellerProvider.class);

  private final TellerConfig config;
  private final TellerClient client;

  TellerProvider(TellerConfig config, TellerClient client) {
    this.config = config;
    this.client = client;
  }

  @Override
  public String id() {
    return "teller";
  }

  /** Live data needs the client certificate; without one Nightshift does not offer Teller. */
  @Override
  public boolean configured() {
    return config.certificate().isPresent() && config.privateKey().isPresent();
  }

  /**
   * Accepts an enrollment's access token ({@link LinkRequest#token()}) and its id ({@link
   * LinkRequest#reference()}, else taken from the accounts); the institution is the accounts'.
   */
  @Override
  public LinkedConnection link(LinkRequest request) {
    if (request.token() == null || request.token().isBlank()) {
      throw new IllegalArgumentException("a Teller connection needs the enrollment's access token");
    }
    List<Account> accounts = guarded(() -> client.accounts(request.token()));
    if (accounts.isEmpty()) {
      throw new IllegalArgumentException("the Teller enrollment has no accounts");
    }
    Account first = accounts.getFirst();
    String enrollmentId =
        request.reference() != null && !request.reference().isBlank()
            ? request.reference()
            : first.enrollmentId();
    return new LinkedConnection(
        new Credentials(request.token(), enrollmentId),
        first.institution().id(),
        first.institution().name());
  }

  /** Open accounts with their live balances; closed ones answer nothing any more. */
  @Override
  public List<ProviderAccount> accounts(Credentials credentials) {
    List<ProviderAccount> accounts = new ArrayList<>();
    for (Account account : guarded(() -> client.accounts(credentials.accessToken()))) {
      if ("closed".equals(account.status())) {
        continue;
      }
      var balances = guarded(() -> client.balances(credentials.accessToken(), account.id()));
      accounts.add(TellerMapping.account(account, balances));
    }
    return accounts;
  }

  /**
   * A page of {@code page-size} transactions, newest first, pending ones included. The cursor is
   * the last transaction's id, Teller's {@code from_id}; paging stops at the last page or at the
   * first transaction older than {@code since}.
   */
  @Override
  public TransactionPage transactions(
      Credentials credentials, ProviderAccount account, LocalDate since, String cursor) {
    int count = config.pageSize();
    List<Transaction> page =
        guarded(() -> client.transactions(credentials.accessToken(), account.id(), count, cursor));
    List<ProviderTransaction> mapped = new ArrayList<>(page.size());
    boolean reachedSince = false;
    for (Transaction transaction : page) {
      if (transaction.id().equals(cursor)) {
        continue;
      }
      if (since != null && transaction.date().isBefore(since)) {
        reachedSince = true;
        continue;
      }
      mapped.add(TellerMapping.transaction(transaction, account.type()));
    }
    String next = reachedSince || page.size() < count ? null : page.getLast().id();
    return new TransactionPage(mapped, next);
  }

  /**
   * Lists the accounts and reads one transaction of the first, which reaches the bank: an
   * enrollment with no accounts, or whose bank login broke, is disconnected.
   */
  @Override
  public ConnectionStatus status(Credentials credentials) {
    try {
      List<Account> accounts = guarded(() -> client.accounts(credentials.accessToken()));
      if (accounts.isEmpty()) {
        return ConnectionStatus.DISCONNECTED;
      }
      String first = accounts.getFirst().id();
      guarded(() -> client.transactions(credentials.accessToken(), first, 1, null));
      return ConnectionStatus.CONNECTED;
    } catch (ProviderAuthException | NotFoundException gone) {
      return ConnectionStatus.DISCONNECTED;
    }
  }

  /** Revokes the application's access to the enrollment's accounts. */
  @Override
  public void revoke(Credentials credentials) {
    try {
      guarded(
          () -> {
            client.deleteAccounts(credentials.accessToken());
            return null;
          });
    } catch (ProviderAuthException | NotFoundException alreadyRevoked) {
      LOG.debugf("Teller enrollment %s was already revoked", credentials.reference());
    }
  }

  /** A timed-out attempt or an open circuit is as transient as a 503. */
  private static <T> T guarded(Supplier<T> call) {
    return ProviderUnavailableException.whenGivenUp("Teller", call);
  }
}

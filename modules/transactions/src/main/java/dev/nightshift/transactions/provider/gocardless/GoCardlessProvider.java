package dev.nightshift.transactions.provider.gocardless;

import dev.nightshift.transactions.provider.AccountType;
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
import dev.nightshift.transactions.provider.TransactionStatus;
import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.Requisition;
import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.Transaction;
import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.TransactionLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * GoCardless Bank Account Data (formerly Nordigen): European banks through PSD2. The client's link
 * flow creates a requisition and sends the user to the bank; what Nightshift stores is the
 * requisition id ({@link Credentials#reference()}), there is no per-connection token. The
 * requisition's status says whether the consent holds; access ends with the end user agreement (90
 * to 180 days), after which every call fails with {@link ProviderAuthException}.
 */
@ApplicationScoped
public class GoCardlessProvider implements BankProvider {

  private static final Logger LOG = Logger.getLogger(GoCardlessProvider.class);

  private final GoCardlessConfig config;
  private final GoCardlessClient client;

  GoCardlessProvider(GoCardlessConfig config, GoCardlessClient client) {
    this.config = config;
    this.client = client;
  }

  @Override
  public String id() {
    return "gocardless";
  }

  @Override
  public boolean configured() {
    return config.secretId().isPresent() && config.secretKey().isPresent();
  }

  /**
   * Accepts a linked requisition ({@link LinkRequest#reference()}). One still in the bank's flow is
   * refused with {@link IllegalArgumentException}; an expired, rejected or suspended one with
   * {@link ProviderAuthException}.
   */
  @Override
  public LinkedConnection link(LinkRequest request) {
    if (request.reference() == null || request.reference().isBlank()) {
      throw new IllegalArgumentException("a GoCardless connection needs the requisition id");
    }
    Requisition requisition = linked(request.reference());
    String name = institutionName(requisition.institutionId());
    return new LinkedConnection(
        new Credentials(null, requisition.id()), requisition.institutionId(), name);
  }

  @Override
  public List<ProviderAccount> accounts(Credentials credentials) {
    Requisition requisition = linked(credentials.reference());
    List<ProviderAccount> accounts = new ArrayList<>();
    for (String accountId : requisition.accounts()) {
      var details = guarded(() -> client.accountDetails(accountId));
      var balances = guarded(() -> client.balances(accountId));
      accounts.add(GoCardlessMapping.account(accountId, details.account(), balances.balances()));
    }
    return accounts;
  }

  /**
   * Booked and pending transactions since {@code since} (all GoCardless allows when null), in one
   * page: GoCardless does not page.
   */
  @Override
  public TransactionPage transactions(
      Credentials credentials, ProviderAccount account, LocalDate since, String cursor) {
    TransactionLists lists = guarded(() -> client.transactions(account.id(), since)).transactions();
    List<ProviderTransaction> page = new ArrayList<>();
    map(lists.booked(), TransactionStatus.POSTED, account.type(), page);
    map(lists.pending(), TransactionStatus.PENDING, account.type(), page);
    return new TransactionPage(page, null);
  }

  @Override
  public ConnectionStatus status(Credentials credentials) {
    try {
      Requisition requisition = guarded(() -> client.requisition(credentials.reference()));
      return ended(requisition.status())
          ? ConnectionStatus.DISCONNECTED
          : ConnectionStatus.CONNECTED;
    } catch (ProviderAuthException | NotFoundException gone) {
      return ConnectionStatus.DISCONNECTED;
    }
  }

  /** Deletes the requisition, which ends its end user agreement too. */
  @Override
  public void revoke(Credentials credentials) {
    try {
      guarded(
          () -> {
            client.deleteRequisition(credentials.reference());
            return null;
          });
    } catch (NotFoundException alreadyDeleted) {
      LOG.debugf("GoCardless requisition %s was already deleted", credentials.reference());
    }
  }

  private Requisition linked(String requisitionId) {
    Requisition requisition = guarded(() -> client.requisition(requisitionId));
    if (ended(requisition.status())) {
      throw new ProviderAuthException(
          requisition.status(),
          "GoCardless requisition " + requisitionId + " is " + describe(requisition.status()));
    }
    if (!"LN".equals(requisition.status())) {
      throw new IllegalArgumentException(
          "GoCardless requisition "
              + requisitionId
              + " is not linked yet (status "
              + requisition.status()
              + "): the user has not finished at the bank");
    }
    return requisition;
  }

  /** EX expired, RJ rejected, SU suspended: only a new requisition brings the accounts back. */
  private static boolean ended(String status) {
    return "EX".equals(status) || "RJ".equals(status) || "SU".equals(status);
  }

  private static String describe(String status) {
    return switch (status) {
      case "EX" -> "expired";
      case "RJ" -> "rejected";
      default -> "suspended";
    };
  }

  /** The institution's name; its id when GoCardless does not know it. */
  private String institutionName(String institutionId) {
    try {
      var institution = guarded(() -> client.institution(institutionId));
      return institution.name() != null ? institution.name() : institutionId;
    } catch (NotFoundException unknown) {
      return institutionId;
    }
  }

  private static void map(
      List<Transaction> source,
      TransactionStatus status,
      AccountType type,
      List<ProviderTransaction> into) {
    if (source == null) {
      return;
    }
    for (Transaction transaction : source) {
      ProviderTransaction mapped = GoCardlessMapping.transaction(transaction, status, type);
      if (mapped == null) {
        LOG.warnf(
            "GoCardless sent a %s transaction without any date, skipped: %s",
            status, GoCardlessMapping.id(transaction));
      } else {
        into.add(mapped);
      }
    }
  }

  private static <T> T guarded(Supplier<T> call) {
    return ProviderUnavailableException.whenGivenUp("GoCardless", call);
  }
}

package dev.nightshift.transactions.provider.sandbox;

import dev.nightshift.transactions.provider.AccountType;
import dev.nightshift.transactions.provider.BankProvider;
import dev.nightshift.transactions.provider.ConnectionStatus;
import dev.nightshift.transactions.provider.Credentials;
import dev.nightshift.transactions.provider.LinkRequest;
import dev.nightshift.transactions.provider.LinkedConnection;
import dev.nightshift.transactions.provider.ProviderAccount;
import dev.nightshift.transactions.provider.ProviderAuthException;
import dev.nightshift.transactions.provider.ProviderTransaction;
import dev.nightshift.transactions.provider.TransactionPage;
import dev.nightshift.transactions.provider.TransactionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A bank that needs no credentials, for demos and tests. Everything derives from the connection's
 * seed and the date, so the same seed always shows the same history: three accounts, 0 to 4
 * transactions a day from realistic merchants, 90 days back from the day of the link, and new ones
 * every day after. Transactions of the last two days are pending and post, with the same id, once
 * they are older. A seed starting with {@code login-required} fails like a revoked login.
 */
@ApplicationScoped
public class SandboxProvider implements BankProvider {

  static final int HISTORY_DAYS = 90;
  static final int PENDING_DAYS = 2;
  private static final int PAGE_SIZE = 250;
  private static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "SEK");

  private final SandboxClock clock;

  SandboxProvider(SandboxClock clock) {
    this.clock = clock;
  }

  @Override
  public String id() {
    return "sandbox";
  }

  @Override
  public boolean configured() {
    return true;
  }

  @Override
  public LinkedConnection link(LinkRequest request) {
    String seed =
        request.reference() == null || request.reference().isBlank()
            ? UUID.randomUUID().toString()
            : request.reference();
    // The sandbox's "access token" is only there to be stored like a real one.
    var credentials = new Credentials("access-sandbox-" + seed, seed);
    return new LinkedConnection(credentials, "sandbox", "Nightshift Sandbox Bank");
  }

  @Override
  public List<ProviderAccount> accounts(Credentials credentials) {
    refuseRevoked(credentials);
    String currency = CURRENCIES.get(Math.floorMod(hash(credentials.reference()), 4));
    return List.of(
        account(credentials, "checking", "Business Checking", AccountType.DEPOSITORY, currency),
        account(credentials, "savings", "Tax Reserve", AccountType.DEPOSITORY, currency),
        account(credentials, "card", "Company Card", AccountType.CREDIT, currency));
  }

  @Override
  public TransactionPage transactions(
      Credentials credentials, ProviderAccount account, LocalDate since, String cursor) {
    refuseRevoked(credentials);
    var today = clock.today();
    var first =
        since.isAfter(today.minusDays(HISTORY_DAYS)) ? since : today.minusDays(HISTORY_DAYS);
    var all = new ArrayList<ProviderTransaction>();
    for (var day = first; !day.isAfter(today); day = day.plusDays(1)) {
      addDay(all, credentials.reference(), account, day, today);
    }
    int from = cursor == null ? 0 : Integer.parseInt(cursor);
    int to = Math.min(all.size(), from + PAGE_SIZE);
    return new TransactionPage(
        List.copyOf(all.subList(from, to)), to < all.size() ? String.valueOf(to) : null);
  }

  @Override
  public ConnectionStatus status(Credentials credentials) {
    return isRevoked(credentials) ? ConnectionStatus.DISCONNECTED : ConnectionStatus.CONNECTED;
  }

  @Override
  public void revoke(Credentials credentials) {
    // Nothing to revoke: the sandbox keeps no state.
  }

  private void addDay(
      List<ProviderTransaction> into,
      String seed,
      ProviderAccount account,
      LocalDate day,
      LocalDate today) {
    int count = Math.floorMod(hash(seed + account.id() + day), 5);
    for (int i = 0; i < count; i++) {
      String key = seed + "|" + account.id() + "|" + day + "|" + i;
      int h = hash(key);
      var merchant = Merchant.ALL.get(Math.floorMod(h, Merchant.ALL.size()));
      if (account.type() == AccountType.CREDIT && merchant.maxMinor() > 0) {
        continue;
      }
      long span = merchant.maxMinor() - merchant.minMinor();
      long minor = merchant.minMinor() + Math.floorMod((long) hash(key + "amount"), span + 1);
      boolean pending = day.isAfter(today.minusDays(PENDING_DAYS));
      into.add(
          new ProviderTransaction(
              "sbx_" + digest(key),
              day,
              BigDecimal.valueOf(minor, 2),
              account.currency(),
              merchant.name(),
              merchant.description(),
              merchant.maxMinor() < 0 ? merchant.name() : null,
              merchant.maxMinor() > 0 ? merchant.name() : null,
              merchant.category(),
              merchant.method(),
              pending ? TransactionStatus.PENDING : TransactionStatus.POSTED,
              null));
    }
  }

  private static ProviderAccount account(
      Credentials credentials, String suffix, String name, AccountType type, String currency) {
    long minor = Math.floorMod((long) hash(credentials.reference() + suffix), 5_000_000L);
    var balance = BigDecimal.valueOf(type == AccountType.CREDIT ? minor / 10 : minor, 2);
    return new ProviderAccount(
        credentials.reference() + "-" + suffix, name, type, currency, balance, balance);
  }

  private static void refuseRevoked(Credentials credentials) {
    if (isRevoked(credentials)) {
      throw new ProviderAuthException(
          "ITEM_LOGIN_REQUIRED", "The sandbox login was revoked: reconnect the bank");
    }
  }

  private static boolean isRevoked(Credentials credentials) {
    return credentials.reference().startsWith("login-required");
  }

  private static int hash(String value) {
    return value.hashCode() * 0x9E3779B1;
  }

  private static String digest(String value) {
    try {
      var sha = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

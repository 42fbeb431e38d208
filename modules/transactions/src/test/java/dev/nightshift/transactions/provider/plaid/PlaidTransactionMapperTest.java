package dev.nightshift.transactions.provider.plaid;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.nightshift.transactions.provider.AccountType;
import dev.nightshift.transactions.provider.ProviderAccount;
import dev.nightshift.transactions.provider.ProviderTransaction;
import dev.nightshift.transactions.provider.TransactionMethod;
import dev.nightshift.transactions.provider.TransactionPage;
import dev.nightshift.transactions.provider.TransactionStatus;
import dev.nightshift.transactions.provider.plaid.PlaidApi.TransactionsSyncResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlaidTransactionMapperTest {

  static final ProviderAccount CHECKING =
      new ProviderAccount(
          "BxBXxLj1m4HMXBm9WZZmCWVbPjX16EHwv99vp",
          "Plaid Checking",
          AccountType.DEPOSITORY,
          "USD",
          null,
          null);
  static final ProviderAccount CARD =
      new ProviderAccount(
          "lPNjeW1nR6CDn5okmGQ6hEpMo4lLNoSrzqDje",
          "Plaid Credit Card",
          AccountType.CREDIT,
          "USD",
          null,
          null);
  static final String PENDING_COFFEE = "lPNjeW1nR6CDn5okmGQ6hEpMo4lLNoSrzqDff";

  @Test
  void aPageKeepsTheAccountsTransactionsSinceTheDateAndPassesPlaidsCursorOn() {
    var response =
        PlaidFixtures.read("transactions-sync-page-1.json", TransactionsSyncResponse.class);

    TransactionPage page =
        PlaidTransactionMapper.page(response, CHECKING, LocalDate.of(2026, 10, 1));

    // The savings account's interest and September's ride are left out.
    assertThat(
        page.transactions().stream().map(ProviderTransaction::id).toList(),
        contains(PENDING_COFFEE, "4WPD9vV5A1cogJwyQ5kVFB3vPEmpXPS3qvjXQ"));
    assertThat(page.nextCursor(), is(response.nextCursor()));
  }

  @Test
  void theLastPageHasNoCursorAndIncludesModifiedTransactions() {
    var response =
        PlaidFixtures.read("transactions-sync-page-2.json", TransactionsSyncResponse.class);

    TransactionPage page = PlaidTransactionMapper.page(response, CHECKING, null);

    assertThat(page.nextCursor(), nullValue());
    assertThat(
        page.transactions().stream().map(ProviderTransaction::id).toList(),
        contains(
            PENDING_COFFEE,
            "pjeA5Pr7rKUmmL3YXDobi0uWbJZxLzT4Lq7AW",
            "b8LQBZDjrXSyvKoZWLGMHXwAr3eGMsfe7NEmD",
            "5GKw1LEGyDTxDYkGWVAeHZEJjQNEKmHKvnQ3a"));
  }

  @Test
  void aPostedTransactionTakesThePendingOnesIdSoItReplacesIt() {
    var pending =
        byName(
                PlaidFixtures.read("transactions-sync-page-1.json", TransactionsSyncResponse.class),
                CHECKING)
            .get("Starbucks");
    var posted =
        byName(
                PlaidFixtures.read("transactions-sync-page-2.json", TransactionsSyncResponse.class),
                CHECKING)
            .get("Starbucks");

    assertThat(pending.status(), is(TransactionStatus.PENDING));
    assertThat(posted.status(), is(TransactionStatus.POSTED));
    assertThat(posted.id(), is(pending.id()));
    assertThat(posted.date(), is(LocalDate.of(2026, 11, 21)));
  }

  @Test
  void withinAPageThePostedVersionWinsOverALaterPendingOne() {
    var page1 = PlaidFixtures.read("transactions-sync-page-1.json", TransactionsSyncResponse.class);
    var page2 = PlaidFixtures.read("transactions-sync-page-2.json", TransactionsSyncResponse.class);
    var both =
        new TransactionsSyncResponse(
            List.of(page2.added().getFirst(), page1.added().getFirst()),
            List.of(),
            List.of(),
            "c",
            false,
            "r");

    var page = PlaidTransactionMapper.page(both, CHECKING, null);

    assertThat(page.transactions().size(), is(1));
    assertThat(page.transactions().getFirst().status(), is(TransactionStatus.POSTED));
  }

  @Test
  void amountsAreNegatedBecausePlaidCountsMoneyOutAsPositive() {
    var page1 =
        byName(
            PlaidFixtures.read("transactions-sync-page-1.json", TransactionsSyncResponse.class),
            CHECKING);
    var card =
        byName(
            PlaidFixtures.read("transactions-sync-credit.json", TransactionsSyncResponse.class),
            CARD);

    assertThat(page1.get("Starbucks").amount(), comparesEqualTo(new BigDecimal("-4.33")));
    assertThat(page1.get("ACME PAYROLL").amount(), comparesEqualTo(new BigDecimal("2500.00")));
    // A card purchase is money out as well; paying the card is money in.
    assertThat(card.get("United Airlines").amount(), comparesEqualTo(new BigDecimal("-45.1")));
    assertThat(
        card.get("AUTOMATIC PAYMENT - THANK").amount(), comparesEqualTo(new BigDecimal("500.0")));
  }

  @Test
  void namesDescriptionsMerchantsAndCounterparties() {
    var page1 =
        byName(
            PlaidFixtures.read("transactions-sync-page-1.json", TransactionsSyncResponse.class),
            CHECKING);
    var page2 =
        byName(
            PlaidFixtures.read("transactions-sync-page-2.json", TransactionsSyncResponse.class),
            CHECKING);

    var coffee = page1.get("Starbucks");
    assertThat(coffee.description(), is("Starbucks Store 12345 San Francisco Ca"));
    assertThat(coffee.merchant(), is("Starbucks"));
    assertThat(coffee.counterparty(), is("Starbucks"));
    assertThat(coffee.currency(), is("USD"));
    assertThat(coffee.balance(), nullValue());

    var payroll = page1.get("ACME PAYROLL");
    assertThat(payroll.description(), is("Acme Corp Payroll Ppd Id 1234567890"));
    assertThat(payroll.merchant(), nullValue());
    assertThat(payroll.counterparty(), is("Acme Corp"));

    // The raw description repeats the name, so the merchant describes it.
    var laptop = page2.get("MEDIAMARKT BERLIN");
    assertThat(laptop.description(), is("MediaMarkt"));
    assertThat(laptop.currency(), is("EUR"));

    var fee = page2.get("MONTHLY ACCOUNT FEE");
    assertThat(fee.description(), nullValue());
    assertThat(fee.counterparty(), nullValue());
  }

  @Test
  void methodsComeFromTheTransactionCode() {
    var page2 =
        byName(
            PlaidFixtures.read("transactions-sync-page-2.json", TransactionsSyncResponse.class),
            CHECKING);

    assertThat(page2.get("MEDIAMARKT BERLIN").method(), is(TransactionMethod.CARD_PURCHASE));
    assertThat(page2.get("MONTHLY ACCOUNT FEE").method(), is(TransactionMethod.FEE));
    assertThat(page2.get("Rent Nov").method(), is(TransactionMethod.PAYMENT));
    assertThat(page2.get("Starbucks").method(), is(TransactionMethod.OTHER));
    assertThat(PlaidTransactionMapper.method("atm"), is(TransactionMethod.CARD_ATM));
    assertThat(PlaidTransactionMapper.method("transfer"), is(TransactionMethod.TRANSFER));
    assertThat(PlaidTransactionMapper.method("interest"), is(TransactionMethod.INTEREST));
    assertThat(PlaidTransactionMapper.method("standing order"), is(TransactionMethod.OTHER));
  }

  @Test
  void categoriesOfADepositoryAccount() {
    var page1 =
        byName(
            PlaidFixtures.read("transactions-sync-page-1.json", TransactionsSyncResponse.class),
            CHECKING);
    var page2 =
        byName(
            PlaidFixtures.read("transactions-sync-page-2.json", TransactionsSyncResponse.class),
            CHECKING);

    assertThat(page1.get("Starbucks").category(), is("meals"));
    assertThat(page1.get("ACME PAYROLL").category(), is("income"));
    assertThat(page1.get("Uber 063015 SF**POOL**").category(), is("travel"));
    assertThat(page2.get("MEDIAMARKT BERLIN").category(), is("equipment"));
    assertThat(page2.get("MONTHLY ACCOUNT FEE").category(), is("fees"));
    assertThat(page2.get("Rent Nov").category(), is("rent"));
  }

  @Test
  void moneyIntoACardIsAPaymentOrARefundNeverIncome() {
    var card =
        byName(
            PlaidFixtures.read("transactions-sync-credit.json", TransactionsSyncResponse.class),
            CARD);

    assertThat(card.get("United Airlines").category(), is("travel"));
    assertThat(card.get("AUTOMATIC PAYMENT - THANK").category(), is("credit-card-payment"));
    assertThat(card.get("PAYMENT RECEIVED").category(), is("credit-card-payment"));
    assertThat(card.get("Amazon Refund").category(), nullValue());
  }

  @Test
  void capitalCaseSplitsWordsAtPunctuationAndCaseChanges() {
    assertThat(PlaidTransactionMapper.capitalCase("SQ *BLUE BOTTLE"), equalTo("Sq Blue Bottle"));
    assertThat(PlaidTransactionMapper.capitalCase("PayPal"), equalTo("Pay Pal"));
    assertThat(
        PlaidTransactionMapper.capitalCase("Uber 063015 SF**POOL**"),
        equalTo("Uber 063015 Sf Pool"));
    assertThat(PlaidTransactionMapper.capitalCase("  "), equalTo(""));
  }

  private static Map<String, ProviderTransaction> byName(
      TransactionsSyncResponse response, ProviderAccount account) {
    return PlaidTransactionMapper.page(response, account, null).transactions().stream()
        .collect(Collectors.toMap(ProviderTransaction::name, Function.identity()));
  }
}

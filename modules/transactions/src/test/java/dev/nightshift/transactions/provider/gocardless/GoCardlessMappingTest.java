package dev.nightshift.transactions.provider.gocardless;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.nightshift.transactions.provider.AccountType;
import dev.nightshift.transactions.provider.TransactionMethod;
import dev.nightshift.transactions.provider.TransactionStatus;
import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.Account;
import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.Amount;
import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.Balance;
import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.Transaction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoCardlessMappingTest {

  private static final Amount OUT = new Amount(new BigDecimal("-10.00"), "eur");
  private static final Amount IN = new Amount(new BigDecimal("10.00"), "EUR");

  @Test
  void theNameFallsBackFromCreditorToDebtorToTextToTheCode() {
    assertThat(
        GoCardlessMapping.name(tx(OUT).creditor("SPOTIFY AB").debtor("JANE").build()),
        equalTo("Spotify Ab"));
    assertThat(GoCardlessMapping.name(tx(IN).debtor("JANE DOE").build()), equalTo("Jane Doe"));
    assertThat(GoCardlessMapping.name(tx(OUT).additional("POS 1234").build()), equalTo("Pos 1234"));
    assertThat(
        GoCardlessMapping.name(tx(OUT).unstructured("rent may").build()), equalTo("Rent May"));
    assertThat(
        GoCardlessMapping.name(tx(OUT).lines("FIRST LINE", "SECOND").build()),
        equalTo("First Line"));
    assertThat(GoCardlessMapping.name(tx(OUT).code("Card ATM").build()), equalTo("Card Atm"));
    assertThat(GoCardlessMapping.name(tx(OUT).build()), equalTo("No information"));
  }

  @Test
  void theDescriptionIsTheRemittanceLinesOrTheAdditionalInformationWhenNotTheName() {
    var lines = tx(OUT).creditor("SHOP").lines("ORDER 42", "THANKS").build();
    assertThat(GoCardlessMapping.description(lines, "Shop"), equalTo("Order 42 Thanks"));

    var sameAsName = tx(OUT).lines("SHOP").additional("CARD 1234").build();
    assertThat(GoCardlessMapping.description(sameAsName, "Shop"), equalTo("Card 1234"));

    var nothingNew = tx(OUT).additional("SHOP").build();
    assertThat(GoCardlessMapping.description(nothingNew, "Shop"), nullValue());
  }

  @Test
  void theCounterpartyIsTheDebtorElseTheCreditor() {
    assertThat(
        GoCardlessMapping.counterparty(tx(IN).debtor("ACME").creditor("ME").build()),
        equalTo("Acme"));
    assertThat(GoCardlessMapping.counterparty(tx(OUT).creditor("SHOP").build()), equalTo("Shop"));
    assertThat(GoCardlessMapping.counterparty(tx(OUT).build()), nullValue());
  }

  @Test
  void moneyInIsIncomeExceptOnACardWhereAPaymentPaysItOff() {
    BigDecimal in = BigDecimal.TEN;
    assertThat(GoCardlessMapping.category(in, null, AccountType.DEPOSITORY), equalTo("income"));
    assertThat(
        GoCardlessMapping.category(in, "Payment", AccountType.CREDIT),
        equalTo("credit-card-payment"));
    assertThat(
        GoCardlessMapping.category(in, "Transfer", AccountType.CREDIT),
        equalTo("credit-card-payment"));
    assertThat(GoCardlessMapping.category(in, "Card purchase", AccountType.CREDIT), nullValue());
    assertThat(GoCardlessMapping.category(in.negate(), null, AccountType.DEPOSITORY), nullValue());
  }

  @Test
  void theMethodComesFromTheBanksCode() {
    assertThat(GoCardlessMapping.method("Bankgiro payment"), equalTo(TransactionMethod.PAYMENT));
    assertThat(
        GoCardlessMapping.method("Card foreign purchase"),
        equalTo(TransactionMethod.CARD_PURCHASE));
    assertThat(GoCardlessMapping.method("Card ATM"), equalTo(TransactionMethod.CARD_ATM));
    assertThat(GoCardlessMapping.method("Transfer"), equalTo(TransactionMethod.TRANSFER));
    assertThat(GoCardlessMapping.method("PMNT-RCDT-ESCT"), equalTo(TransactionMethod.OTHER));
    assertThat(GoCardlessMapping.method(null), equalTo(TransactionMethod.OTHER));
  }

  @Test
  void anEntryWithoutIdsGetsAHashThatStaysTheSameAndDiffersPerEntry() {
    var pending = tx(OUT).unstructured("COFFEE").build();
    var other = tx(OUT).unstructured("TEA").build();

    assertThat(
        GoCardlessMapping.id(pending),
        equalTo(GoCardlessMapping.id(tx(OUT).unstructured("COFFEE").build())));
    assertThat(GoCardlessMapping.id(pending), not(equalTo(GoCardlessMapping.id(other))));
  }

  @Test
  void anEntryWithoutAnyDateIsSkipped() {
    var undated =
        new Transaction("t", null, null, null, OUT, null, null, null, null, null, null, null, null);

    assertThat(
        GoCardlessMapping.transaction(undated, TransactionStatus.PENDING, AccountType.DEPOSITORY),
        nullValue());
  }

  @Test
  void theBalanceIsTheMostCurrentKnownOneAndACardsDebtIsPositive() {
    var card = new Account("r", null, null, null, "Card", null, "CARD");
    var balances =
        List.of(
            new Balance(new Amount(new BigDecimal("-300.00"), "SEK"), "closingBooked"),
            new Balance(new Amount(new BigDecimal("-250.00"), "SEK"), "expected"));

    var account = GoCardlessMapping.account("a", card, balances);

    assertThat(account.type(), equalTo(AccountType.CREDIT));
    assertThat(account.currency(), equalTo("SEK"));
    assertThat(account.balance(), equalTo(new BigDecimal("300.00")));
    assertThat(account.availableBalance(), equalTo(new BigDecimal("-250.00")));
  }

  @Test
  void anAccountWithoutBalancesOrCurrencyIsInUnknownCurrency() {
    var bare = new Account("r", "DE89370400440532013000", null, null, null, null, "SVGS");

    var account = GoCardlessMapping.account("a", bare, List.of());

    assertThat(account.name(), equalTo("DE89370400440532013000"));
    assertThat(account.type(), equalTo(AccountType.DEPOSITORY));
    assertThat(account.currency(), equalTo("XXX"));
    assertThat(account.balance(), nullValue());
  }

  private static Builder tx(Amount amount) {
    return new Builder(amount);
  }

  /** Transactions with only the fields a case is about. */
  private static final class Builder {
    private final Amount amount;
    private String creditor;
    private String debtor;
    private String unstructured;
    private List<String> lines;
    private String additional;
    private String code;

    Builder(Amount amount) {
      this.amount = amount;
    }

    Builder creditor(String name) {
      creditor = name;
      return this;
    }

    Builder debtor(String name) {
      debtor = name;
      return this;
    }

    Builder unstructured(String text) {
      unstructured = text;
      return this;
    }

    Builder lines(String... text) {
      lines = List.of(text);
      return this;
    }

    Builder additional(String text) {
      additional = text;
      return this;
    }

    Builder code(String text) {
      code = text;
      return this;
    }

    Transaction build() {
      return new Transaction(
          null,
          null,
          null,
          LocalDate.parse("2026-01-20"),
          amount,
          creditor,
          debtor,
          unstructured,
          lines,
          null,
          additional,
          code,
          null);
    }
  }
}

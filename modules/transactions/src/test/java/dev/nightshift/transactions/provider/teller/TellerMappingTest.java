package dev.nightshift.transactions.provider.teller;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.nightshift.transactions.provider.AccountType;
import dev.nightshift.transactions.provider.TransactionMethod;
import dev.nightshift.transactions.provider.TransactionStatus;
import dev.nightshift.transactions.provider.teller.TellerApi.Account;
import dev.nightshift.transactions.provider.teller.TellerApi.Balances;
import dev.nightshift.transactions.provider.teller.TellerApi.Counterparty;
import dev.nightshift.transactions.provider.teller.TellerApi.Details;
import dev.nightshift.transactions.provider.teller.TellerApi.Institution;
import dev.nightshift.transactions.provider.teller.TellerApi.Transaction;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TellerMappingTest {

  @Test
  void onADepositAccountTheSignIsTellers() {
    var purchase =
        TellerMapping.transaction(tx("-42.50", "card_payment", "dining"), AccountType.DEPOSITORY);
    var deposit = TellerMapping.transaction(tx("100.00", "deposit", null), AccountType.DEPOSITORY);

    assertThat(purchase.amount(), equalTo(new BigDecimal("-42.50")));
    assertThat(purchase.category(), equalTo("meals"));
    assertThat(deposit.amount(), equalTo(new BigDecimal("100.00")));
    assertThat(deposit.category(), equalTo("income"));
  }

  @Test
  void onACreditAccountTheSignIsInverted() {
    var purchase =
        TellerMapping.transaction(tx("42.50", "card_payment", "fuel"), AccountType.CREDIT);
    var payment = TellerMapping.transaction(tx("-500.00", "payment", null), AccountType.CREDIT);
    var refund =
        TellerMapping.transaction(tx("-20.00", "card_payment", "shopping"), AccountType.CREDIT);
    var cashback =
        TellerMapping.transaction(tx("-5.00", "card_payment", "income"), AccountType.CREDIT);

    assertThat(purchase.amount(), equalTo(new BigDecimal("-42.50")));
    assertThat(purchase.category(), equalTo("travel"));
    assertThat(payment.amount(), equalTo(new BigDecimal("500.00")));
    assertThat(payment.category(), equalTo("credit-card-payment"));
    assertThat(refund.category(), nullValue());
    assertThat(cashback.category(), equalTo("income"));
  }

  @Test
  void feesAreFeesWhateverTheirSign() {
    assertThat(
        TellerMapping.transaction(tx("-3.00", "fee", "service"), AccountType.DEPOSITORY).category(),
        equalTo("fees"));
    assertThat(
        TellerMapping.transaction(tx("3.00", "fee", null), AccountType.CREDIT).category(),
        equalTo("fees"));
  }

  @Test
  void theMethodComesFromTheType() {
    assertThat(TellerMapping.method("card_payment"), equalTo(TransactionMethod.CARD_PURCHASE));
    assertThat(TellerMapping.method("bill_payment"), equalTo(TransactionMethod.PAYMENT));
    assertThat(TellerMapping.method("atm"), equalTo(TransactionMethod.CARD_ATM));
    assertThat(TellerMapping.method("ach"), equalTo(TransactionMethod.ACH));
    assertThat(TellerMapping.method("wire"), equalTo(TransactionMethod.WIRE));
    assertThat(TellerMapping.method("interest"), equalTo(TransactionMethod.INTEREST));
    assertThat(TellerMapping.method("check"), equalTo(TransactionMethod.OTHER));
  }

  @Test
  void namesComeFromTheStatementAndTheCounterpartyDescribesIt() {
    var shop =
        new Transaction(
            "txn_1",
            "acc_1",
            new BigDecimal("-9.99"),
            LocalDate.parse("2026-04-16"),
            "NETFLIX.COM 866-579-7172",
            "pending",
            "card_payment",
            null,
            new Details("entertainment", new Counterparty("NETFLIX", "organization")));
    var friend =
        new Transaction(
            "txn_2",
            "acc_1",
            new BigDecimal("-25.00"),
            LocalDate.parse("2026-04-16"),
            "ZELLE TO JANE",
            "posted",
            "digital_payment",
            new BigDecimal("10.00"),
            new Details(null, new Counterparty("JANE", "person")));

    var netflix = TellerMapping.transaction(shop, AccountType.DEPOSITORY);
    var jane = TellerMapping.transaction(friend, AccountType.DEPOSITORY);

    assertThat(netflix.name(), equalTo("Netflix Com 866 579 7172"));
    assertThat(netflix.description(), equalTo("Netflix"));
    assertThat(netflix.merchant(), equalTo("Netflix"));
    assertThat(netflix.counterparty(), equalTo("Netflix"));
    assertThat(netflix.currency(), equalTo("USD"));
    assertThat(netflix.status(), equalTo(TransactionStatus.PENDING));
    assertThat(jane.merchant(), nullValue());
    assertThat(jane.counterparty(), equalTo("Jane"));
    assertThat(jane.status(), equalTo(TransactionStatus.POSTED));
    assertThat(jane.balance(), equalTo(new BigDecimal("10.00")));
  }

  @Test
  void aCardOwesItsLedgerBalance() {
    var card =
        new Account(
            "acc_2",
            "enr_1",
            "Card",
            "credit",
            "credit_card",
            "usd",
            "1234",
            "open",
            new Institution("chase", "Chase"));

    var account =
        TellerMapping.account(
            card, new Balances("acc_2", new BigDecimal("-120.00"), new BigDecimal("880.00")));

    assertThat(account.type(), equalTo(AccountType.CREDIT));
    assertThat(account.currency(), equalTo("USD"));
    assertThat(account.balance(), equalTo(new BigDecimal("120.00")));
    assertThat(account.availableBalance(), equalTo(new BigDecimal("880.00")));
  }

  private static Transaction tx(String amount, String type, String category) {
    return new Transaction(
        "txn",
        "acc",
        new BigDecimal(amount),
        LocalDate.parse("2026-04-16"),
        "STATEMENT TEXT",
        "posted",
        type,
        null,
        new Details(category, new Counterparty(null, null)));
  }
}

package dev.nightshift.inbox.matching.score;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;

import dev.nightshift.contracts.transactions.MatchCandidate;
import dev.nightshift.inbox.extraction.DocumentKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScorerTest {

  private static final LocalDate INVOICED = LocalDate.of(2026, 3, 2);
  private final Scorer scorer = new Scorer(45);

  @Test
  void theVendorsPaymentTwoDaysLaterIsConfidentAndSaysWhy() {
    var score = scorer.score(invoice("Figma", null), payment("FIGMA INC", INVOICED.plusDays(2)));

    assertThat(score.total(), greaterThanOrEqualTo(0.9));
    assertThat(score.amount(), equalTo(1.0));
    assertThat(score.currency(), equalTo(1.0));
    assertThat(score.vendor(), equalTo(1.0));
    assertThat(score.date(), closeTo(0.987, 0.001));
    assertThat(
        score.explanation(),
        equalTo(
            "same amount 120.00 EUR; 2 days after the invoice date; vendor 'Figma' matches"
                + " merchant 'FIGMA INC'"));
  }

  @Test
  void theSameAmountFromAnotherVendorIsOnlyASuggestion() {
    var score = scorer.score(invoice("Figma", null), payment("SLACK TECHNOLOGIES", INVOICED));

    assertThat(score.vendor(), equalTo(0.0));
    assertThat(score.total(), closeTo(0.7, 0.001));
    assertThat(score.explanation(), endsWith("does not match 'SLACK TECHNOLOGIES'"));
  }

  @Test
  void aDocumentWithoutVendorIsNeverConfidentEnoughToLinkAlone() {
    var score = scorer.score(invoice(null, null), payment("FIGMA INC", INVOICED));

    assertThat(score.vendor(), equalTo(0.5));
    assertThat(score.total(), closeTo(0.85, 0.001));
  }

  @Test
  void theSameFigureInAnotherCurrencyStaysBelowTheSuggestionThreshold() {
    var usd =
        new MatchCandidate(
            UUID.randomUUID(),
            UUID.randomUUID(),
            INVOICED,
            new BigDecimal("-120.00"),
            "USD",
            "FIGMA",
            "FIGMA",
            null,
            null);

    var score = scorer.score(invoice("Figma", null), usd);

    assertThat(score.amount(), equalTo(0.0));
    assertThat(score.currency(), equalTo(0.0));
    assertThat(score.total(), closeTo(0.45, 0.001));
    assertThat(
        score.explanation(), startsWith("same figure 120.00 but in USD, the document says EUR"));
  }

  @Test
  void aPaymentBetweenTheInvoiceAndTheDueDateIsOnTime() {
    var document = invoice("Figma", INVOICED.plusDays(30));

    var onTime = scorer.score(document, payment("Figma", INVOICED.plusDays(20)));
    var late = scorer.score(document, payment("Figma", INVOICED.plusDays(40)));

    assertThat(onTime.date(), equalTo(1.0));
    assertThat(
        onTime.explanation(),
        containsString("20 days after the invoice date, before the due date"));
    assertThat(late.date(), lessThan(1.0));
    assertThat(late.explanation(), containsString("10 days after the due date"));
  }

  @Test
  void dateScoresFallFasterBeforeTheDocumentAndForReceipts() {
    var invoice = invoice("Figma", null);
    var receipt =
        new MatchDocument(
            UUID.randomUUID(),
            UUID.randomUUID(),
            DocumentKind.RECEIPT,
            new BigDecimal("120"),
            "EUR",
            INVOICED,
            null,
            null,
            "Figma");

    double invoiceLate = scorer.score(invoice, payment("Figma", INVOICED.plusDays(16))).date();
    double invoiceEarly = scorer.score(invoice, payment("Figma", INVOICED.minusDays(16))).date();
    double receiptLate = scorer.score(receipt, payment("Figma", INVOICED.plusDays(16))).date();

    assertThat(invoiceLate, closeTo(0.8, 0.001));
    assertThat(invoiceEarly, closeTo(0.5, 0.001));
    assertThat(receiptLate, closeTo(0.5, 0.001));
    assertThat(
        scorer.score(invoice, payment("Figma", INVOICED.minusDays(1))).explanation(),
        containsString("1 day before the invoice date"));
    assertThat(
        scorer.score(invoice, payment("Figma", INVOICED.minusDays(60))).date(), equalTo(0.0));
  }

  @Test
  void anInvoiceNumberInTheBankTextSpeaksForTheVendor() {
    var document =
        new MatchDocument(
            UUID.randomUUID(),
            UUID.randomUUID(),
            DocumentKind.INVOICE,
            new BigDecimal("120"),
            "EUR",
            INVOICED,
            null,
            "INV-2026/0042",
            "Müller Consulting GmbH");
    var transfer =
        new MatchCandidate(
            UUID.randomUUID(),
            UUID.randomUUID(),
            INVOICED,
            new BigDecimal("-120"),
            "EUR",
            "SEPA transfer",
            null,
            "M. Consult",
            "Rechnung INV 2026 0042");

    var score = scorer.score(document, transfer);

    assertThat(score.vendor(), equalTo(0.95));
    assertThat(
        score.explanation(), endsWith("invoice number INV-2026/0042 appears in the transaction"));
  }

  @Test
  void vendorNamesAreNormalisedBeforeTheyAreCompared() {
    assertThat(VendorNames.tokens("Figma, Inc."), contains("figma"));
    assertThat(VendorNames.tokens("Société Générale S.A."), contains("societe", "generale"));
    assertThat(VendorNames.tokens("AMZN Mktp US*2K4LX7"), contains("amzn", "mktp", "us"));
    assertThat(VendorNames.tokens("www.figma.com"), contains("figma"));
    assertThat(VendorNames.bankTokens("PAYPAL *FIGMA"), contains("figma"));
    assertThat(VendorNames.bankTokens("PayPal"), contains("paypal"));
    assertThat(VendorNames.tokens("1Password"), contains("1password"));
  }

  @Test
  void similarityRanksSpellingsOfOneNameAboveOtherNames() {
    assertThat(similarity("Dropbox", "DROP BOX"), equalTo(1.0));
    assertThat(similarity("Google Cloud", "GOOGLE CLOUD EMEA"), equalTo(0.9));
    assertThat(similarity("Adobe", "ADOBESYSTEMS"), equalTo(0.85));
    assertThat(similarity("Figma", "FIGNA"), greaterThan(0.5));
    assertThat(similarity("Figma", "Slack"), equalTo(0.0));
    assertThat(similarity("Notion Labs", "NOTION"), equalTo(0.9));
  }

  @Test
  void unknownKindAndMissingFieldsDecideWhetherADocumentIsMatched() {
    var other =
        new MatchDocument(
            UUID.randomUUID(),
            UUID.randomUUID(),
            DocumentKind.OTHER,
            BigDecimal.TEN,
            "EUR",
            INVOICED,
            null,
            null,
            null);
    var undated =
        new MatchDocument(
            UUID.randomUUID(),
            UUID.randomUUID(),
            null,
            BigDecimal.TEN,
            "EUR",
            null,
            null,
            null,
            null);
    var dueOnly =
        new MatchDocument(
            UUID.randomUUID(),
            UUID.randomUUID(),
            null,
            BigDecimal.TEN,
            "EUR",
            null,
            INVOICED,
            null,
            null);

    assertThat(other.isMatchable(), equalTo(false));
    assertThat(undated.isMatchable(), equalTo(false));
    assertThat(dueOnly.isMatchable(), equalTo(true));
    assertThat(dueOnly.firstDay(), equalTo(INVOICED));
    assertThat(
        scorer.score(dueOnly, payment("X", INVOICED.plusDays(3))).explanation(),
        containsString("3 days after the due date"));
  }

  private static double similarity(String a, String b) {
    return VendorSimilarity.similarity(VendorNames.tokens(a), VendorNames.bankTokens(b));
  }

  private static MatchDocument invoice(String vendor, LocalDate due) {
    return new MatchDocument(
        UUID.randomUUID(),
        UUID.randomUUID(),
        DocumentKind.INVOICE,
        new BigDecimal("120.0000"),
        "EUR",
        INVOICED,
        due,
        null,
        vendor);
  }

  private static MatchCandidate payment(String label, LocalDate date) {
    return new MatchCandidate(
        UUID.randomUUID(),
        UUID.randomUUID(),
        date,
        new BigDecimal("-120.0000"),
        "EUR",
        label,
        label,
        null,
        null);
  }
}

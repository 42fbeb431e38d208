package dev.nightshift.exports.csv;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.nightshift.contracts.transactions.ExportedTransaction;
import dev.nightshift.exports.export.ExportOptions;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class TransactionRowsTest {

  private static final UUID ID = UUID.fromString("0192f3a4-0000-7000-8000-000000000001");

  @Test
  void aRowHoldsEveryDocumentedColumnAndReadsBack() throws Exception {
    var out = new StringWriter();
    var rows = new TransactionRows(out, new ExportOptions(',', "yyyy-MM-dd", "en-US", true, false));
    rows.write(
        transaction("-1234.5", "USD", "Uber \"Eats\", NYC", "line one\nline two"),
        List.of("attachments/expense/receipt-1.pdf"),
        List.of("lost.pdf"));
    rows.flush();

    var records = parse(out.toString(), ',');
    assertThat(records.getFirst().getParser().getHeaderNames(), equalTo(Columns.HEADER));
    var row = records.getFirst();
    assertThat(row.get("ID"), equalTo(ID.toString()));
    assertThat(row.get("Date"), equalTo("2025-01-05"));
    assertThat(row.get("Description"), equalTo("Uber \"Eats\", NYC"));
    assertThat(row.get("Additional info"), equalTo("line one\nline two"));
    assertThat(row.get("Amount"), equalTo("-1234.50"));
    assertThat(row.get("Currency"), equalTo("USD"));
    assertThat(row.get("Formatted amount"), equalTo("-$1,234.50"));
    assertThat(row.get("From / To"), equalTo("'=cmd|' /C calc'!A0"));
    assertThat(row.get("Merchant"), equalTo("Uber"));
    assertThat(row.get("Category"), equalTo("travel"));
    assertThat(row.get("Method"), equalTo("CARD_PURCHASE"));
    assertThat(row.get("Status"), equalTo("POSTED"));
    assertThat(row.get("Balance"), equalTo("100.00"));
    assertThat(row.get("Account"), equalTo("Checking"));
    assertThat(row.get("Note"), equalTo("'+ask Anna"));
    assertThat(row.get("Attachments"), equalTo("attachments/expense/receipt-1.pdf"));
    assertThat(row.get("Missing attachments"), equalTo("lost.pdf"));
  }

  @Test
  void optionsShapeDatesAmountsDelimiterAndByteOrderMark() throws Exception {
    var out = new StringWriter();
    var rows = new TransactionRows(out, new ExportOptions(';', "dd.MM.yyyy", "de-DE", true, true));
    rows.write(transaction("-1234.5", "EUR", "Miete", null), List.of(), List.of());
    rows.write(transaction("1200", "JPY", "Refund", null), List.of(), List.of());
    rows.flush();

    assertThat(out.toString(), startsWith("\uFEFFID;Date;"));
    var records = parse(out.toString().substring(1), ';');
    assertThat(records.get(0).get("Date"), equalTo("05.01.2025"));
    assertThat(records.get(0).get("Amount"), equalTo("-1234.50"));
    assertThat(records.get(0).get("Formatted amount"), equalTo("-1.234,50\u00a0€"));
    assertThat(records.get(1).get("Amount"), equalTo("1200"));
    assertThat(records.get(1).get("Formatted amount"), equalTo("1.200\u00a0¥"));
  }

  @Test
  void aCurrencyIsoDoesNotKnowKeepsItsAmount() throws Exception {
    var out = new StringWriter();
    var rows = new TransactionRows(out, new ExportOptions(',', "yyyy-MM-dd", "en-US", true, false));
    rows.write(transaction("-0.123", "ABC", "Token", null), List.of(), List.of());
    rows.flush();
    var row = parse(out.toString(), ',').getFirst();
    assertThat(row.get("Amount"), equalTo("-0.123"));
    assertThat(row.get("Formatted amount"), equalTo("-0.123 ABC"));
  }

  private static ExportedTransaction transaction(
      String amount, String currency, String name, String description) {
    return new ExportedTransaction(
        ID,
        LocalDate.of(2025, 1, 5),
        name,
        description,
        new BigDecimal(amount),
        currency,
        "=cmd|' /C calc'!A0",
        "Uber",
        "travel",
        "CARD_PURCHASE",
        "POSTED",
        new BigDecimal("100"),
        UUID.randomUUID(),
        "Checking",
        "+ask Anna");
  }

  /** The rows after the header, read by the header's names. */
  private static List<CSVRecord> parse(String csv, char delimiter) throws Exception {
    try (var parser =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(delimiter)
            .setHeader()
            .setSkipHeaderRecord(false)
            .get()
            .parse(new StringReader(csv))) {
      return parser.getRecords();
    }
  }
}

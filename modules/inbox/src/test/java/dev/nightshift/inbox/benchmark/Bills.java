package dev.nightshift.inbox.benchmark;

import dev.nightshift.inbox.corpus.Corpus;
import dev.nightshift.inbox.corpus.CorpusDocument;
import dev.nightshift.inbox.corpus.GroundTruth;
import dev.nightshift.inbox.extraction.DocumentKind;
import dev.nightshift.platform.database.Ids;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Makes the pipeline benchmark's documents from the generated corpus (six languages in turn) and
 * decides which of them were paid: a paid bill gets a posted transaction of its total negated, in
 * its currency, a few days after its date, with the vendor's name as a bank prints it.
 */
final class Bills {

  private static final String[] PROCESSORS = {"PAYPAL *", "SQ *", "SUMUP *"};

  private Bills() {}

  static List<Bill> generate(long seed, int count, double paidShare) {
    int perLanguage = (count + 5) / 6;
    var random = new Random(seed);
    // The corpus lists language by language; taking the first of each language in turn keeps the
    // six languages even whatever the count. One thread: the corpus's PDF writer shares its fonts.
    return Corpus.generate(seed, perLanguage).stream()
        .sorted(Comparator.comparingInt(Bills::serial))
        .limit(count)
        .map(
            document -> {
              var bill = new Bill(document.truth(), document.textPdf(), null);
              return random.nextDouble() < paidShare ? paid(bill, random) : bill;
            })
        .toList();
  }

  /** Writes the bills' payments into the team's account, in batches. */
  static void book(DataSource dataSource, UUID team, UUID account, List<Bill> bills)
      throws SQLException {
    try (var c = dataSource.getConnection();
        var insert =
            c.prepareStatement(
                "INSERT INTO transactions.transactions (id, team_id, account_id, internal_id,"
                    + " date, amount, currency, name, merchant, method, status)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'CARD_PURCHASE', 'POSTED')")) {
      int batched = 0;
      for (var bill : bills) {
        var payment = bill.payment();
        if (payment == null) {
          continue;
        }
        insert.setObject(1, payment.transactionId());
        insert.setObject(2, team);
        insert.setObject(3, account);
        insert.setString(4, "paid:" + bill.truth().id());
        insert.setObject(5, payment.date());
        insert.setBigDecimal(6, bill.truth().total().negate());
        insert.setString(7, bill.truth().currency());
        insert.setString(8, payment.label());
        insert.setString(9, payment.label());
        insert.addBatch();
        if (++batched % 1_000 == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
  }

  private static int serial(CorpusDocument document) {
    var id = document.truth().id();
    return Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
  }

  private static Bill paid(Bill bill, Random random) {
    var truth = bill.truth();
    // Card receipts are settled within a day or two; invoices are paid within their terms.
    int days = truth.kind() == DocumentKind.RECEIPT ? random.nextInt(3) : random.nextInt(8);
    return new Bill(
        truth,
        bill.pdf(),
        new Bill.Payment(Ids.next(), truth.invoiceDate().plusDays(days), label(truth, random)));
  }

  /** How a bank prints the vendor: whole, without its legal form, behind a processor, or coded. */
  private static String label(GroundTruth truth, Random random) {
    var upper = truth.vendor().toUpperCase(Locale.ROOT);
    var words = upper.split(" ");
    double p = random.nextDouble();
    if (p < 0.4 || words.length < 2) {
      return upper;
    }
    var withoutForm = String.join(" ", List.of(words).subList(0, words.length - 1));
    if (p < 0.7) {
      return withoutForm;
    }
    if (p < 0.85) {
      return PROCESSORS[random.nextInt(PROCESSORS.length)] + withoutForm.replace(" ", "");
    }
    return withoutForm + " " + (1000 + random.nextInt(9000)) + "X" + random.nextInt(10);
  }
}

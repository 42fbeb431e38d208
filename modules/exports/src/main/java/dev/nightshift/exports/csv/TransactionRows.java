package dev.nightshift.exports.csv;

import dev.nightshift.contracts.transactions.ExportedTransaction;
import dev.nightshift.exports.export.ExportOptions;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes transactions as CSV rows in the columns of {@link Columns}, through Commons CSV, which
 * quotes and escapes as RFC 4180 says. One per export; not thread-safe.
 */
public final class TransactionRows {

  /** A UTF-8 byte-order mark, for spreadsheet apps that otherwise guess another charset. */
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  /** Dates repeat from row to row: formatting each distinct one once saves most of the work. */
  private static final int DATE_CACHE = 4096;

  /** Rows are printed here and handed on in chunks of about this many characters. */
  private static final int CHUNK = 64 * 1024;

  private final Writer out;

  /**
   * Commons CSV appends a cell in many small pieces; to a {@link Writer} each is a locked call that
   * copies, to a {@link StringBuilder} a plain copy. Printing into a builder and writing it on in
   * chunks made the CSV several times faster.
   */
  private final StringBuilder chunk = new StringBuilder(CHUNK + 4096);

  private final CSVPrinter printer;
  private final DateTimeFormatter dates;
  private final Amounts amounts;
  private final Map<LocalDate, String> formattedDates = new HashMap<>();

  /** Starts the CSV on {@code out}: the byte-order mark if asked for, and the header. */
  public TransactionRows(Writer out, ExportOptions options) throws IOException {
    this.out = out;
    var locale = Locale.forLanguageTag(options.locale());
    this.dates = DateTimeFormatter.ofPattern(options.dateFormat(), locale);
    this.amounts = new Amounts(locale);
    if (options.byteOrderMark()) {
      chunk.append(BYTE_ORDER_MARK);
    }
    this.printer =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(options.delimiter())
            .setRecordSeparator("\r\n")
            .get()
            .print(chunk);
    printer.printRecord(Columns.HEADER);
  }

  /**
   * One transaction's row.
   *
   * @param packed the names of its files in the archive
   * @param missing the names of its files that could not be read
   */
  public void write(ExportedTransaction t, List<String> packed, List<String> missing)
      throws IOException {
    printer.print(t.id().toString());
    printer.print(date(t.date()));
    printer.print(SafeCell.of(t.name()));
    printer.print(SafeCell.of(t.description()));
    printer.print(amounts.plain(t.amount(), t.currency()));
    printer.print(t.currency());
    printer.print(amounts.formatted(t.amount(), t.currency()));
    printer.print(SafeCell.of(t.counterparty()));
    printer.print(SafeCell.of(t.merchant()));
    printer.print(SafeCell.of(t.category()));
    printer.print(t.method());
    printer.print(t.status());
    printer.print(amounts.plain(t.balance(), t.currency()));
    printer.print(SafeCell.of(t.accountName()));
    printer.print(SafeCell.of(t.note()));
    printer.print(SafeCell.of(String.join(", ", packed)));
    printer.print(SafeCell.of(String.join(", ", missing)));
    printer.println();
    if (chunk.length() >= CHUNK) {
      drain();
    }
  }

  /** Writes what is printed so far on, and flushes the writer. */
  public void flush() throws IOException {
    drain();
    out.flush();
  }

  private void drain() throws IOException {
    out.append(chunk);
    chunk.setLength(0);
  }

  private String date(LocalDate date) {
    var formatted = formattedDates.get(date);
    if (formatted == null) {
      if (formattedDates.size() == DATE_CACHE) {
        formattedDates.clear();
      }
      formatted = dates.format(date);
      formattedDates.put(date, formatted);
    }
    return formatted;
  }
}

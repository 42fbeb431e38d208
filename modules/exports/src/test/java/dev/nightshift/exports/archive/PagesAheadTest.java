package dev.nightshift.exports.archive;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nightshift.contracts.transactions.ExportedTransaction;
import dev.nightshift.contracts.transactions.TransactionPosition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PagesAheadTest {

  /** A ledger of {@code size} rows, newest first, read in keyset pages as the port reads them. */
  private static Function<TransactionPosition, List<ExportedTransaction>> ledger(
      int size, int pageSize, List<TransactionPosition> asked) {
    var rows = new ArrayList<ExportedTransaction>();
    for (int i = 0; i < size; i++) {
      rows.add(row(LocalDate.of(2026, 1, 1).plusDays(i), new UUID(0, i)));
    }
    Collections.reverse(rows);
    return after -> {
      asked.add(after);
      int from = 0;
      if (after != null) {
        while (!rows.get(from).id().equals(after.id())) {
          from++;
        }
        from++;
      }
      return List.copyOf(rows.subList(from, Math.min(rows.size(), from + pageSize)));
    };
  }

  private static ExportedTransaction row(LocalDate date, UUID id) {
    return new ExportedTransaction(
        id,
        date,
        "n",
        null,
        BigDecimal.ONE,
        "EUR",
        null,
        null,
        null,
        null,
        "POSTED",
        null,
        new UUID(1, 1),
        "Account",
        null);
  }

  @Test
  void everyRowComesOnceInOrderEachPageAfterThePreviousPagesLastRow() throws Exception {
    var asked = Collections.synchronizedList(new ArrayList<TransactionPosition>());
    var seen = new ArrayList<UUID>();
    try (var pages = new PagesAhead(ledger(23, 5, asked), 5, 2)) {
      for (var page = pages.next(); !page.isEmpty(); page = pages.next()) {
        page.forEach(r -> seen.add(r.id()));
      }
    }
    assertThat(seen.size(), equalTo(23));
    assertThat(seen.getFirst(), equalTo(new UUID(0, 22)));
    assertThat(seen.getLast(), equalTo(new UUID(0, 0)));
    // The last page is short: no query after it.
    assertThat(asked.size(), equalTo(5));
    assertThat(asked.get(1).id(), equalTo(new UUID(0, 18)));
  }

  @Test
  void aLedgerThatFillsItsLastPageExactlyEndsWithAnEmptyPage() throws Exception {
    var asked = Collections.synchronizedList(new ArrayList<TransactionPosition>());
    try (var pages = new PagesAhead(ledger(10, 5, asked), 5, 2)) {
      assertThat(pages.next().size(), equalTo(5));
      assertThat(pages.next().size(), equalTo(5));
      assertThat(pages.next().isEmpty(), equalTo(true));
    }
    assertThat(asked.size(), equalTo(3));
  }

  @Test
  void theReadersFailureIsThrownToTheWriterAsItWasThrown() throws Exception {
    var failure = new IllegalStateException("Could not read a page of an export");
    var calls = new AtomicInteger();
    Function<TransactionPosition, List<ExportedTransaction>> failing =
        after -> {
          if (calls.incrementAndGet() == 2) {
            throw failure;
          }
          return List.of(row(LocalDate.of(2026, 1, 1), new UUID(0, calls.get())));
        };
    try (var pages = new PagesAhead(failing, 1, 2)) {
      assertThat(pages.next().size(), equalTo(1));
      var thrown = assertThrows(IllegalStateException.class, pages::next);
      assertThat(thrown, sameInstance(failure));
    }
  }

  @Test
  void closingStopsTheReaderWithoutReadingTheRest() throws Exception {
    var asked = Collections.synchronizedList(new ArrayList<TransactionPosition>());
    try (var pages = new PagesAhead(ledger(1000, 10, asked), 10, 2)) {
      assertThat(pages.next().getFirst().id(), equalTo(new UUID(0, 999)));
    }
    // The writer took one page; the reader filled the two places of the queue, and read at most
    // one more page that it could not hand over.
    assertThat(asked.size(), lessThanOrEqualTo(4));
    assertThat(asked.getFirst(), nullValue());
  }
}

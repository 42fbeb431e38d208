package dev.nightshift.inbox.extraction.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-03-15|2024-03-15",
        "2024/03/15|2024-03-15",
        "15.03.2024|2024-03-15",
        "5.3.2024|2024-03-05",
        "15/03/2024|2024-03-15",
        "15-03-2024|2024-03-15",
        "15.03.24|2024-03-15",
        "15 March 2024|2024-03-15",
        "March 15, 2024|2024-03-15",
        "Mar 15 2024|2024-03-15",
        "15 Mar. 2024|2024-03-15",
        "15. März 2024|2024-03-15",
        "1er mars 2024|2024-03-01",
        "15 février 2024|2024-02-15",
        "15 de marzo de 2024|2024-03-15",
        "3 de agosto del 2024|2024-08-03",
        "15 maj 2024|2024-05-15",
        "15 augusti 2024|2024-08-15",
        "15 maart 2024|2024-03-15",
        "15 mei 2024|2024-05-15",
        "15 décembre 2024|2024-12-15",
        "03/15/2024|2024-03-15",
      })
  void readsDayFirstDatesAndMonthNamesOfSixLanguages(String text, LocalDate expected) {
    assertEquals(List.of(expected), dates(text, false));
  }

  @Test
  void readsSlashDatesMonthFirstOnAmericanDocuments() {
    assertEquals(List.of(LocalDate.of(2024, 3, 4)), dates("03/04/2024", true));
    assertEquals(List.of(LocalDate.of(2024, 4, 3)), dates("03/04/2024", false));
    // Dots are never American.
    assertEquals(List.of(LocalDate.of(2024, 4, 3)), dates("03.04.2024", true));
  }

  @Test
  void findsSeveralDatesAndNoAmounts() {
    assertEquals(
        List.of(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31)),
        dates("Date: 01.03.2024 Due: 31.03.2024 Total 1.234,56", false));
    assertEquals(List.of(), dates("1.234,56 EUR and 12/2024", false));
  }

  private static List<LocalDate> dates(String text, boolean monthFirst) {
    return Dates.ALL.in(text, monthFirst).stream().map(FoundDate::date).toList();
  }
}

package dev.nightshift.inbox.extraction.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1,234.56|1234.56",
        "1.234,56|1234.56",
        "1 234,56|1234.56",
        "1\u00A0234,56|1234.56",
        "1\u202F234,56|1234.56",
        "1'234.56|1234.56",
        "1’234.56|1234.56",
        "1234,56|1234.56",
        "1234.56|1234.56",
        "12.5|12.5",
        "1.234.567,89|1234567.89",
        "1,234,567.89|1234567.89",
        "€1,234.56|1234.56",
        "1.234,56 €|1234.56",
        "EUR 1.234,56|1234.56",
        "1 234 kr|1234",
        "$ 99|99",
      })
  void readsTheFormatsOfSixCountries(String text, BigDecimal expected) {
    assertEquals(expected, Amounts.parse(TextLines.of(text).getFirst()).orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "15.03.2024",
        "2024-03-15",
        "19%",
        "19,00 %",
        "Tel. 030 123456",
        "Postcode 10115 Berlin",
        "IBAN DE89 3704 0044 0532 0130 00",
        "Qty 3",
        "1.234.56"
      })
  void takesNoDatesPercentagesOrBareNumbersForMoney(String text) {
    assertEquals(List.of(), Amounts.in(text));
  }

  @org.junit.jupiter.api.Test
  void findsEveryAmountOnALineLeftToRight() {
    var amounts = Amounts.in("MwSt. 19 % auf 1.000,00 €: 190,00 €");
    assertEquals(
        List.of(new BigDecimal("1000.00"), new BigDecimal("190.00")),
        amounts.stream().map(Amount::value).toList());
  }
}

package dev.nightshift.exports.csv;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeCellTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"=HYPERLINK(\"http://evil\")", "+1+cmd", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"})
  void cellsThatSpreadsheetsWouldRunGetAnApostrophe(String text) {
    assertThat(SafeCell.of(text), equalTo("'" + text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Coffee = good", "Ünïcödé café", "'quoted", "1+1"})
  void otherTextStaysAsItIs(String text) {
    assertThat(SafeCell.of(text), equalTo(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {""})
  void emptyStaysEmpty(String text) {
    assertThat(SafeCell.of(text), equalTo(""));
    assertThat(SafeCell.of(null), equalTo(""));
  }
}

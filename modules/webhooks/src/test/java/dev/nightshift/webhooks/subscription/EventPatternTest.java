package dev.nightshift.webhooks.subscription;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventPatternTest {

  @ParameterizedTest
  @CsvSource({
    "transactions.created, transactions.created, true",
    "transactions.created, transactions.removed, false",
    "transactions.created, transactions.created.late, false",
    "transactions.*, transactions.created, true",
    "transactions.*, transactions.sync.failed, true",
    "transactions.*, transactions, false",
    "transactions.*, inbox.matched, false",
    "*, run.failed, true",
    "*, webhook.disabled, true",
    "*.failed, run.failed, true",
    "*.failed, run.completed, false",
    "*.failed, transactions.sync.failed, false",
    "run.*.x, run.a.x, true",
    "run.*.x, run.a.y, false",
  })
  void matches(String pattern, String name, boolean expected) {
    assertThat(new EventPattern(pattern).matches(name), is(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "Transactions.created", "transactions.", ".created", "a..b", "tx.*x", "**"})
  void refusesWhatIsNeitherANameNorAPattern(String pattern) {
    assertThrows(IllegalArgumentException.class, () -> new EventPattern(pattern));
  }
}

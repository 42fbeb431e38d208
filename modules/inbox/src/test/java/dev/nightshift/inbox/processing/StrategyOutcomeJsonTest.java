package dev.nightshift.inbox.processing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nightshift.inbox.extraction.DocumentKind;
import dev.nightshift.inbox.extraction.Extracted;
import dev.nightshift.inbox.extraction.Extraction;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A retried process-document run reads each strategy's recorded outcome back from its step's JSON:
 * what was written must read back the same, under the platform's strict reading (unknown properties
 * refused, as {@code quarkus.jackson.fail-on-unknown-properties=true} makes it).
 */
class StrategyOutcomeJsonTest {

  private final ObjectMapper json =
      new ObjectMapper()
          .findAndRegisterModules()
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @Test
  void aRecordedOutcomeReadsBackTheSame() throws Exception {
    var found =
        new Extraction(
            new Extracted<>(DocumentKind.INVOICE, "pdf-text:kind-keyword", 0.85),
            new Extracted<>(new BigDecimal("120.00"), "pdf-text:total-label", 0.9),
            new Extracted<>("EUR", "pdf-text:currency-code", 0.9),
            new Extracted<>(LocalDate.of(2026, 11, 2), "pdf-text:invoice-date-label", 0.85),
            null,
            new Extracted<>("NW-1", "pdf-text:invoice-number-label", 0.85),
            new Extracted<>("Northwind", "pdf-text:vendor-first-line", 0.45),
            null);
    for (var outcome :
        new StrategyOutcome[] {
          StrategyOutcome.found(found),
          StrategyOutcome.found(Extraction.EMPTY),
          StrategyOutcome.unreadable("the PDF is encrypted"),
          StrategyOutcome.skippedAsComplete()
        }) {
      var written = json.writeValueAsString(outcome);
      assertThat(written, json.readValue(written, StrategyOutcome.class), equalTo(outcome));
    }
  }
}

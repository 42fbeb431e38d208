package dev.nightshift.exports.web;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nightshift.platform.problem.Problem;
import dev.nightshift.platform.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestCheckTest {

  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

  @Test
  void anEmptyRequestExportsEverythingWithTheDefaults() {
    var checked = RequestCheck.check(null, 10, NOW);
    assertThat(checked.selection().ids(), equalTo(List.of()));
    assertThat(checked.selection().createdBefore(), equalTo(NOW));
    assertThat(checked.options().delimiter(), equalTo(','));
    assertThat(checked.options().dateFormat(), equalTo("yyyy-MM-dd"));
    assertThat(checked.options().locale(), equalTo("en-US"));
    assertThat(checked.options().includeAttachments(), equalTo(true));
    assertThat(checked.options().byteOrderMark(), equalTo(false));
  }

  @Test
  void aFilterAndOptionsAreTaken() {
    var account = UUID.randomUUID();
    var checked =
        RequestCheck.check(
            new ExportRequest(
                null,
                new ExportRequest.Filter(
                    List.of(account, account),
                    LocalDate.of(2025, 1, 1),
                    LocalDate.of(2025, 12, 31),
                    "posted",
                    true),
                new ExportRequest.Options("tab", "dd.MM.yyyy", "de-DE", false, true)),
            10,
            NOW);
    assertThat(checked.selection().accountIds(), equalTo(List.of(account)));
    assertThat(checked.selection().status(), equalTo("POSTED"));
    assertThat(checked.selection().notExported(), equalTo(true));
    assertThat(checked.options().delimiter(), equalTo('\t'));
    assertThat(checked.options().locale(), equalTo("de-DE"));
    assertThat(checked.options().includeAttachments(), equalTo(false));
  }

  @Test
  void everyBadFieldIsNamedAtOnce() {
    var ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    var e =
        assertThrows(
            ProblemException.class,
            () ->
                RequestCheck.check(
                    new ExportRequest(
                        ids,
                        new ExportRequest.Filter(
                            null, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 1), "done", null),
                        new ExportRequest.Options("x", "yyyy-MM-dd HH:mm", "xx-YY", null, null)),
                    2,
                    NOW));
    assertThat(e.problem().status(), equalTo(400));
    assertThat(
        e.problem().errors().stream().map(Problem.FieldError::field).toList(),
        containsInAnyOrder(
            "filter",
            "transactionIds",
            "filter.from",
            "filter.status",
            "options.delimiter",
            "options.locale",
            "options.dateFormat"));
  }
}

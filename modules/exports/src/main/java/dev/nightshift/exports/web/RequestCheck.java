package dev.nightshift.exports.web;

import dev.nightshift.contracts.transactions.TransactionSelection;
import dev.nightshift.exports.export.ExportOptions;
import dev.nightshift.platform.problem.Problem;
import dev.nightshift.platform.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Checks an export request and completes it with defaults; every problem found is reported at once,
 * as a 400 with one entry per field.
 */
final class RequestCheck {

  static final String DEFAULT_DATE_FORMAT = "yyyy-MM-dd";
  static final String DEFAULT_LOCALE = "en-US";

  private static final Set<String> STATUSES = Set.of("PENDING", "POSTED");
  private static final int MAX_PATTERN = 64;
  private static final LocalDate SAMPLE = LocalDate.of(2025, 1, 5);
  private static final Set<String> LOCALES =
      Arrays.stream(Locale.getAvailableLocales())
          .map(Locale::toLanguageTag)
          .collect(Collectors.toUnmodifiableSet());

  private final List<Problem.FieldError> errors = new ArrayList<>();
  private final int maxIds;

  private RequestCheck(int maxIds) {
    this.maxIds = maxIds;
  }

  /** The request's selection and options, or a 400 naming every field at fault. */
  static Checked check(ExportRequest request, int maxIds, Instant now) {
    var check = new RequestCheck(maxIds);
    var body = request == null ? new ExportRequest(null, null, null) : request;
    var selection = check.selection(body, now);
    var options = check.options(body.options());
    if (!check.errors.isEmpty()) {
      throw new ProblemException(
          Problem.of(
                  Response.Status.BAD_REQUEST,
                  "invalid-export",
                  "The export request has " + check.errors.size() + " invalid field(s).")
              .withErrors(check.errors));
    }
    return new Checked(selection, options);
  }

  /** A checked request. */
  record Checked(TransactionSelection selection, ExportOptions options) {}

  private TransactionSelection selection(ExportRequest body, Instant now) {
    var ids = body.transactionIds() == null ? List.<UUID>of() : body.transactionIds();
    var filter = body.filter();
    if (!ids.isEmpty() && filter != null) {
      error("filter", "give transactionIds or a filter, not both");
    }
    if (body.transactionIds() != null && body.transactionIds().isEmpty()) {
      error("transactionIds", "list at least one id, or leave it out to export every transaction");
    }
    if (ids.size() > maxIds) {
      error("transactionIds", "at most " + maxIds + " ids; export larger selections with a filter");
    }
    if (ids.stream().anyMatch(Objects::isNull)) {
      error("transactionIds", "must not contain null");
    }
    if (filter == null) {
      return new TransactionSelection(
          List.copyOf(new LinkedHashSet<>(ids.stream().filter(Objects::nonNull).toList())),
          List.of(),
          null,
          null,
          null,
          false,
          now);
    }
    var accounts = filter.accountIds() == null ? List.<UUID>of() : filter.accountIds();
    if (accounts.stream().anyMatch(Objects::isNull)) {
      error("filter.accountIds", "must not contain null");
    }
    if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
      error("filter.from", "must not be after filter.to");
    }
    String status = null;
    if (filter.status() != null) {
      status = filter.status().toUpperCase(Locale.ROOT);
      if (!STATUSES.contains(status)) {
        error("filter.status", "must be PENDING or POSTED");
      }
    }
    return new TransactionSelection(
        List.of(),
        accounts.stream().filter(Objects::nonNull).distinct().toList(),
        filter.from(),
        filter.to(),
        status,
        Boolean.TRUE.equals(filter.notExported()),
        now);
  }

  private ExportOptions options(ExportRequest.Options options) {
    var given = options == null ? new ExportRequest.Options(null, null, null, null, null) : options;
    char delimiter = delimiter(given.delimiter());
    var localeTag = given.locale() == null ? DEFAULT_LOCALE : given.locale();
    var locale = Locale.forLanguageTag(localeTag);
    if (locale.getLanguage().isEmpty() || !LOCALES.contains(locale.toLanguageTag())) {
      error("options.locale", "not a locale this server knows, such as en-US or de-DE");
      locale = Locale.forLanguageTag(DEFAULT_LOCALE);
    }
    var pattern = given.dateFormat() == null ? DEFAULT_DATE_FORMAT : given.dateFormat();
    if (pattern.isBlank() || pattern.length() > MAX_PATTERN) {
      error("options.dateFormat", "must be a date pattern of 1 to " + MAX_PATTERN + " characters");
    } else {
      try {
        DateTimeFormatter.ofPattern(pattern, locale).format(SAMPLE);
      } catch (IllegalArgumentException | DateTimeException e) {
        error(
            "options.dateFormat",
            "not a date pattern (such as yyyy-MM-dd or dd.MM.yyyy): " + e.getMessage());
      }
    }
    return new ExportOptions(
        delimiter,
        pattern,
        locale.toLanguageTag(),
        given.includeAttachments() == null || given.includeAttachments(),
        Boolean.TRUE.equals(given.byteOrderMark()));
  }

  private char delimiter(String value) {
    if (value == null) {
      return ',';
    }
    return switch (value) {
      case ",", ";", "|" -> value.charAt(0);
      case "\t", "\\t", "tab" -> '\t';
      default -> {
        error("options.delimiter", "must be one of , ; | or tab");
        yield ',';
      }
    };
  }

  private void error(String field, String message) {
    errors.add(new Problem.FieldError(field, message));
  }
}

package dev.nightshift.exports.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /api/v1/exports}: which transactions, either by id or by a filter (neither: all the
 * team's), and how to write them. Unset options take their defaults.
 */
public record ExportRequest(List<UUID> transactionIds, Filter filter, Options options) {

  /**
   * @param from booked on or after; {@code to} on or before
   * @param status {@code PENDING} or {@code POSTED}
   * @param notExported only transactions no earlier export held
   */
  public record Filter(
      List<UUID> accountIds, LocalDate from, LocalDate to, String status, Boolean notExported) {}

  /**
   * @param delimiter {@code ,} (default), {@code ;}, {@code |} or a tab ({@code \t} or {@code tab})
   * @param dateFormat a Java date pattern, default {@code yyyy-MM-dd}
   * @param locale a BCP 47 tag for formatted amounts, default {@code en-US}
   * @param includeAttachments default true
   * @param byteOrderMark default false
   */
  public record Options(
      String delimiter,
      String dateFormat,
      String locale,
      Boolean includeAttachments,
      Boolean byteOrderMark) {}
}

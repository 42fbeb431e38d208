package dev.nightshift.inbox.matching.score;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Scores when a transaction was booked against when the document says it is paid. Paid between the
 * invoice date and the due date, or a day either side, is 1. Later than that, an invoice loses 0.6
 * over the matching window (paid late is common); a receipt, dated on the day it was paid, and any
 * document paid before its date lose 1.5 over the window, so 10 days off already costs a third.
 */
final class DateProximity {

  private static final double LATE_INVOICE_DECAY = 0.6;
  private static final double OFF_DAY_DECAY = 1.5;

  private DateProximity() {}

  static Criterion score(MatchDocument document, LocalDate booked, int windowDays) {
    var first = document.firstDay();
    var last = document.lastDay();
    long before = ChronoUnit.DAYS.between(booked, first);
    long after = ChronoUnit.DAYS.between(last, booked);
    double score;
    if (before > 1) {
      score = 1 - OFF_DAY_DECAY * (before - 1) / windowDays;
    } else if (after > 1) {
      double decay = document.isReceipt() ? OFF_DAY_DECAY : LATE_INVOICE_DECAY;
      score = 1 - decay * (after - 1) / windowDays;
    } else {
      score = 1;
    }
    return new Criterion(Math.max(0, score), describe(document, booked));
  }

  private static String describe(MatchDocument document, LocalDate booked) {
    var invoice = document.invoiceDate();
    var due = document.dueDate();
    if (invoice == null) {
      return relative(booked, due, "the due date");
    }
    if (due == null || !due.isAfter(invoice) || !booked.isAfter(invoice)) {
      return relative(booked, invoice, "the invoice date");
    }
    if (booked.isBefore(due)) {
      return relative(booked, invoice, "the invoice date") + ", before the due date";
    }
    return relative(booked, due, "the due date");
  }

  private static String relative(LocalDate booked, LocalDate day, String name) {
    long days = ChronoUnit.DAYS.between(day, booked);
    if (days == 0) {
      return "on " + name;
    }
    long n = Math.abs(days);
    return n + (n == 1 ? " day " : " days ") + (days > 0 ? "after " : "before ") + name;
  }
}

package dev.nightshift.inbox.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The pipeline benchmark's figures from the documents' traces: where each document's time went
 * (waiting for a run and the run's own work), throughput over the batch, the fields extraction got
 * right and the matching outcomes, both against the bills' truth.
 */
final class PipelineReport {

  private final Map<String, Bill> bills;
  private final List<Trace> traces;
  private final StringBuilder out = new StringBuilder();

  PipelineReport(Map<String, Bill> bills, List<Trace> traces) {
    this.bills = bills;
    this.traces = traces;
  }

  void line(String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }

  String text() {
    return out.toString();
  }

  /** Percentiles of each stage per document; the intake calls as their callers timed them. */
  void times(List<Duration> uploads, List<Duration> accepts) {
    var matched = traces.stream().filter(t -> t.match() != null).toList();
    line("| per document | documents | p50 | p99 | max | mean |");
    line("|---|---:|---:|---:|---:|---:|");
    row("intake call: `POST /api/v1/inbox/uploads`, one at a time", uploads);
    row("intake call: `Intake.accept`, from the sender threads", accepts);
    row("waiting for process-document", traces, t -> t.process().queued());
    row("process-document run", traces, t -> t.process().took());
    row("waiting for match-inbox", matched, t -> t.match().queued());
    row("match-inbox run", matched, t -> t.match().took());
    row(
        "both runs' work (process + match)",
        matched,
        t -> t.process().took().plus(t.match().took()));
    row("end to end (item created to its last run finished)", traces, Trace::endToEnd);
  }

  /** Documents per second over the batch, and how long each stage took to get through it. */
  void throughput() {
    var first = earliest(traces, Trace::created);
    var done = latest(traces, Trace::done);
    var processed = latest(traces, t -> t.process().finished());
    var matches = traces.stream().map(Trace::match).filter(Objects::nonNull).toList();
    double seconds = seconds(first, done);
    line(
        "%,d documents in %.1f s from the first item created to the last run finished: **%.1f"
            + " documents/s**",
        traces.size(), seconds, traces.size() / seconds);
    line(
        "process-document: %,d runs, the last finished %.1f s after the first item was created"
            + " (%.1f runs/s from its first start)",
        traces.size(),
        seconds(first, processed),
        traces.size() / seconds(earliest(traces, t -> t.process().started()), processed));
    if (!matches.isEmpty()) {
      var matchStart = matches.stream().map(Trace.Run::started).min(Comparator.naturalOrder());
      var matchEnd = matches.stream().map(Trace.Run::finished).max(Comparator.naturalOrder());
      line(
          "match-inbox: %,d runs, the last finished %.1f s after the first item was created"
              + " (%.1f runs/s from its first start)",
          matches.size(),
          seconds(first, matchEnd.orElseThrow()),
          matches.size() / seconds(matchStart.orElseThrow(), matchEnd.orElseThrow()));
    }
    handOver(matches);
    line(
        "retried runs: process-document %d, match-inbox %d; runs not COMPLETED: %d",
        traces.stream().filter(t -> t.process().attempt() > 1).count(),
        matches.stream().filter(r -> r.attempt() > 1).count(),
        traces.stream().filter(t -> !"COMPLETED".equals(t.process().status())).count()
            + matches.stream().filter(r -> !"COMPLETED".equals(r.status())).count());
  }

  /**
   * How the batch moved: at each step from the first item's creation, how many items existed, how
   * many were processed and matched, and so how many waited for each task (executing included).
   */
  void timeline(Duration step) {
    var first = earliest(traces, Trace::created);
    var end = latest(traces, Trace::done);
    line(
        "| after | items created | process-document finished | match-inbox finished | waiting for"
            + " process-document | waiting for match-inbox |");
    line("|---:|---:|---:|---:|---:|---:|");
    for (var at = first.plus(step); ; at = at.plus(step)) {
      var now = at.isAfter(end) ? end : at;
      long created = count(t -> !t.created().isAfter(now));
      long processed = count(t -> !t.process().finished().isAfter(now));
      long toMatch = count(t -> t.match() != null && !t.match().created().isAfter(now));
      long matched = count(t -> t.match() != null && !t.match().finished().isAfter(now));
      line(
          "| %.0f s | %,d | %,d | %,d | %,d | %,d |",
          seconds(first, now), created, processed, matched, created - processed, toMatch - matched);
      if (!at.isBefore(end)) {
        return;
      }
    }
  }

  private long count(Predicate<Trace> which) {
    return traces.stream().filter(which).count();
  }

  /**
   * A team's match-inbox runs go one at a time, so while some wait, the time from one run's end to
   * the next one's start is the engine's own cost of handing the team's slot on.
   */
  private void handOver(List<Trace.Run> matches) {
    var byStart = new ArrayList<>(matches);
    byStart.sort(Comparator.comparing(Trace.Run::started));
    var gaps = new ArrayList<Duration>();
    for (int i = 1; i < byStart.size(); i++) {
      var before = byStart.get(i - 1);
      var next = byStart.get(i);
      if (next.created().isBefore(before.finished())) {
        gaps.add(Duration.between(before.finished(), next.started()));
      }
    }
    if (gaps.isEmpty()) {
      return;
    }
    gaps.sort(Comparator.naturalOrder());
    line(
        "match-inbox, one run at a time: from a run's end to the next waiting run's start p50 %s,"
            + " p99 %s (%,d hand-overs)",
        ms(percentile(gaps, 0.50)), ms(percentile(gaps, 0.99)), gaps.size());
  }

  /** Total, currency and invoice date as the item holds them, against what the PDF says. */
  void extraction() {
    long failed = traces.stream().filter(t -> "FAILED".equals(t.status())).count();
    line(
        "items PROCESSED %d, FAILED %d",
        traces.stream().filter(t -> "PROCESSED".equals(t.status())).count(), failed);
    right(
        "total",
        t ->
            t.amount() != null
                && t.amount().compareTo(bills.get(t.reference()).truth().total()) == 0);
    right("currency", t -> bills.get(t.reference()).truth().currency().equals(t.currency()));
    right(
        "invoice date",
        t -> bills.get(t.reference()).truth().invoiceDate().equals(t.invoiceDate()));
  }

  /** What matching did with each document, by whether a transaction belongs to it. */
  void matching() {
    var paid = new TreeMap<String, Integer>();
    var unpaid = new TreeMap<String, Integer>();
    for (var trace : traces) {
      var bill = bills.get(trace.reference());
      if (bill.payment() == null) {
        unpaid.merge(outcome(trace, null), 1, Integer::sum);
      } else {
        paid.merge(outcome(trace, bill.payment()), 1, Integer::sum);
      }
    }
    int paidCount = paid.values().stream().mapToInt(Integer::intValue).sum();
    int unpaidCount = unpaid.values().stream().mapToInt(Integer::intValue).sum();
    line(
        "| outcome | paid bills (%,d) | bills with no transaction (%,d) |", paidCount, unpaidCount);
    line("|---|---:|---:|");
    var outcomes = new TreeMap<String, Boolean>();
    paid.keySet().forEach(k -> outcomes.put(k, true));
    unpaid.keySet().forEach(k -> outcomes.put(k, true));
    for (var outcome : outcomes.keySet()) {
      line(
          "| %s | %d | %d |",
          outcome.substring(2), paid.getOrDefault(outcome, 0), unpaid.getOrDefault(outcome, 0));
    }
  }

  /** A sortable label: the leading digit orders the table, the rest is what it says. */
  private static String outcome(Trace trace, Bill.Payment payment) {
    if (trace.match() == null) {
      return "7 not matched: failed, or no amount or date";
    }
    var right = payment == null ? null : payment.transactionId();
    return switch (trace.matchStatus()) {
      case "MATCHED" -> trace.transactionId().equals(right) ? "1 linked, right" : "2 linked, wrong";
      case "SUGGESTED" -> {
        if (right == null || !trace.pendingSuggestions().contains(right)) {
          yield "5 suggested, none right";
        }
        yield trace.pendingSuggestions().getFirst().equals(right)
            ? "3 suggested, the right one first"
            : "4 suggested, the right one not first";
      }
      default -> "6 unmatched";
    };
  }

  private void right(String field, Predicate<Trace> right) {
    long count = traces.stream().filter(right).count();
    line(
        "%s right: %d of %d (%.2f%%)",
        field, count, traces.size(), 100.0 * count / Math.max(1, traces.size()));
  }

  private void row(String name, List<Trace> of, Function<Trace, Duration> time) {
    row(name, of.stream().map(time).toList());
  }

  private void row(String name, List<Duration> times) {
    if (times.isEmpty()) {
      line("| %s | 0 | | | | |", name);
      return;
    }
    var sorted = new ArrayList<>(times);
    sorted.sort(Comparator.naturalOrder());
    double mean = sorted.stream().mapToLong(Duration::toNanos).average().orElse(0) / 1e6;
    line(
        "| %s | %,d | %s | %s | %s | %s |",
        name,
        sorted.size(),
        ms(percentile(sorted, 0.50)),
        ms(percentile(sorted, 0.99)),
        ms(sorted.getLast().toNanos() / 1e6),
        ms(mean));
  }

  private static double percentile(List<Duration> sorted, double p) {
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)).toNanos() / 1e6;
  }

  /** Milliseconds below ten seconds, seconds above: the table stays readable at both ends. */
  private static String ms(double millis) {
    return millis < 10_000
        ? String.format(Locale.ROOT, "%,.1f ms", millis)
        : String.format(Locale.ROOT, "%,.1f s", millis / 1000);
  }

  private static Instant earliest(List<Trace> traces, Function<Trace, Instant> time) {
    return traces.stream().map(time).min(Comparator.naturalOrder()).orElseThrow();
  }

  private static Instant latest(List<Trace> traces, Function<Trace, Instant> time) {
    return traces.stream().map(time).max(Comparator.naturalOrder()).orElseThrow();
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e9;
  }
}

package dev.nightshift.transactions.sync;

import dev.nightshift.engine.TaskContext;

/** "account 2 of 3, 450 transactions", reported on the run as a sync goes. */
final class Progress {

  private final TaskContext ctx;
  private final int accounts;
  private int account;
  private long read;

  Progress(TaskContext ctx, int accounts) {
    this.ctx = ctx;
    this.accounts = accounts;
  }

  void nextAccount() {
    account++;
    report();
  }

  void read(int count) {
    read += count;
    report();
  }

  private void report() {
    ctx.progress(
        account,
        accounts,
        "account " + account + " of " + accounts + ", " + read + " transactions");
  }
}

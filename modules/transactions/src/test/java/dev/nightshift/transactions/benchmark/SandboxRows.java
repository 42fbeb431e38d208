package dev.nightshift.transactions.benchmark;

import dev.nightshift.transactions.provider.Credentials;
import dev.nightshift.transactions.provider.ProviderTransaction;
import dev.nightshift.transactions.provider.sandbox.SandboxProvider;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Transactions as the sandbox bank produces them, from as many seeds as it takes. */
final class SandboxRows {

  private SandboxRows() {}

  /** The first {@code count} transactions of the seeds {@code bench-0}, {@code bench-1}, ... */
  static List<ProviderTransaction> generate(SandboxProvider sandbox, int count) {
    var rows = new ArrayList<ProviderTransaction>(count);
    var since = LocalDate.now().minusYears(1);
    for (int seed = 0; rows.size() < count; seed++) {
      var credentials = new Credentials("access-bench", "bench-" + seed);
      for (var account : sandbox.accounts(credentials)) {
        String cursor = null;
        do {
          var page = sandbox.transactions(credentials, account, since, cursor);
          rows.addAll(page.transactions());
          cursor = page.nextCursor();
        } while (cursor != null);
      }
    }
    return List.copyOf(rows.subList(0, count));
  }
}

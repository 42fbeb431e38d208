package dev.nightshift.transactions.provider;

import java.util.List;

/** One page of transactions; {@code nextCursor} is null on the last page. */
public record TransactionPage(List<ProviderTransaction> transactions, String nextCursor) {}

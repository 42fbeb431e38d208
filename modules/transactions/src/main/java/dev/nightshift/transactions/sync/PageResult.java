package dev.nightshift.transactions.sync;

import java.util.List;
import java.util.UUID;

/**
 * One page of an account's transactions, stored: a step's result, so a resumed sync skips it.
 *
 * @param created the transactions the page created
 * @param seen the provider ids the page held, pending ones included
 * @param nextCursor null after the last page
 */
record PageResult(List<UUID> created, List<String> seen, String nextCursor) {}

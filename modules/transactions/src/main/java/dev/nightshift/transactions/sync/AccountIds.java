package dev.nightshift.transactions.sync;

import java.util.List;
import java.util.UUID;

/** The accounts a sync reads, as a step stores them. */
record AccountIds(List<UUID> ids) {}

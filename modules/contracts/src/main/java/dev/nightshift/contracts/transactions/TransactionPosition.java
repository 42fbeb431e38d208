package dev.nightshift.contracts.transactions;

import java.time.LocalDate;
import java.util.UUID;

/** A place in a team's transactions ordered newest first: by date, then by id, both descending. */
public record TransactionPosition(LocalDate date, UUID id) {}

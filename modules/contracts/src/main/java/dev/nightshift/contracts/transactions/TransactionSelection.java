package dev.nightshift.contracts.transactions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Which of a team's transactions another module asks for: every condition that is set must hold;
 * null or empty fields do not filter.
 *
 * @param ids exactly these transactions (other teams' and unknown ids are left out)
 * @param accountIds in one of these bank accounts
 * @param from booked on or after this day; {@code to} on or before
 * @param status {@code PENDING} or {@code POSTED}
 * @param notExported only transactions no export has marked yet
 * @param createdBefore only transactions stored before this instant: a reader that pages through a
 *     selection while syncs add rows, and whoever marks the same selection later, then agree on one
 *     set
 */
public record TransactionSelection(
    List<UUID> ids,
    List<UUID> accountIds,
    LocalDate from,
    LocalDate to,
    String status,
    boolean notExported,
    Instant createdBefore) {}

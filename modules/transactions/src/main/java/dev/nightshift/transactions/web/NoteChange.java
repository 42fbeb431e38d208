package dev.nightshift.transactions.web;

/**
 * A transaction's note as it should be: {@code {"note": "..."}} sets it; null, blank or left out
 * clears it (the note is all a transaction's change holds).
 *
 * @param note at most {@value TransactionResource#MAX_NOTE} characters (Unicode code points)
 */
public record NoteChange(String note) {}

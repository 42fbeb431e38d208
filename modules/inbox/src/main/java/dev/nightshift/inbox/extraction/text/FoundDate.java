package dev.nightshift.inbox.extraction.text;

import java.time.LocalDate;

/** A date on a line, and where it stands. */
record FoundDate(LocalDate date, int start, int end) {}

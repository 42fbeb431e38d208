package dev.nightshift.inbox.extraction.text;

import java.math.BigDecimal;

/** A number on a line that reads as money, and where it stands. */
record Amount(BigDecimal value, int start, int end) {}

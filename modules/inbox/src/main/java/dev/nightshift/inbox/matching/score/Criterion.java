package dev.nightshift.inbox.matching.score;

/** One criterion's score, 0 to 1, and its part of the explanation. */
record Criterion(double score, String reason) {}

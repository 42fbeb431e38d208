package dev.nightshift.platform.api;

import java.util.List;

/**
 * One page of a list: pass {@code nextCursor} back as {@code ?cursor=} for the next page; it is
 * null on the last one.
 */
public record Page<T>(List<T> data, String nextCursor) {}

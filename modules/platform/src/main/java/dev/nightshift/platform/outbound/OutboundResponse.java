package dev.nightshift.platform.outbound;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The answer to an outbound call, whatever its status.
 *
 * @param status the HTTP status; a 3xx is returned as it is, its {@code Location} not followed
 * @param headers response headers by name, names compared case-insensitively, each name's values in
 *     the order received; unmodifiable
 * @param body at most the {@code maxResponseBytes} the caller asked for, exactly as sent (no
 *     content decoding)
 * @param truncated whether the server sent more than {@code body}; the rest was not read
 * @param duration from the call to the last byte of {@code body}
 */
public record OutboundResponse(
    int status,
    Map<String, List<String>> headers,
    byte[] body,
    boolean truncated,
    Duration duration) {}

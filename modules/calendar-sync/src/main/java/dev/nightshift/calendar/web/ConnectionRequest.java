package dev.nightshift.calendar.web;

import java.time.Instant;

/**
 * {@code POST /api/v1/calendar-connections}: a Google account with the tokens of its OAuth grant,
 * or an ICS feed.
 *
 * @param provider {@code google} or {@code ics}
 * @param name the Google account (its e-mail address), or the feed's label (default: its host)
 * @param accessToken google: the current access token; {@code expiresAt} when it expires
 * @param refreshToken google: the grant's refresh token, to renew the access token
 * @param url ics: the feed's address ({@code https}, {@code http} or {@code webcal})
 */
public record ConnectionRequest(
    String provider,
    String name,
    String accessToken,
    String refreshToken,
    Instant expiresAt,
    String url) {}

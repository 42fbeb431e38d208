package dev.nightshift.transactions.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * Connect a bank.
 *
 * @param provider {@code sandbox}, {@code plaid}, {@code gocardless} or {@code teller}
 * @param token Plaid public token, Teller access token
 * @param reference GoCardless requisition id, Teller enrollment id, or a sandbox seed
 * @param team the team, for the admin key only
 */
public record ConnectionRequest(
    @NotBlank @Size(max = 32) String provider,
    @Size(max = 4096) String token,
    @Size(max = 256) String reference,
    @Size(max = 256) String institutionId,
    UUID team) {}

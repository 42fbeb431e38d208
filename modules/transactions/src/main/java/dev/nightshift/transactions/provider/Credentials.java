package dev.nightshift.transactions.provider;

/**
 * What a connection needs to call its provider: stored encrypted.
 *
 * @param accessToken Plaid access token, Teller access token; null for GoCardless and the sandbox
 * @param reference Plaid item id, GoCardless requisition id, Teller enrollment id, or the sandbox
 *     seed
 */
public record Credentials(String accessToken, String reference) {

  @Override
  public String toString() {
    return "Credentials[reference=" + reference + "]";
  }
}

package dev.nightshift.transactions.provider;

/**
 * What the client's link flow produced.
 *
 * @param token Plaid public token (exchanged for an access token), Teller access token
 * @param reference GoCardless requisition id, Teller enrollment id, an optional sandbox seed
 * @param institutionId the provider's institution id, when the client knows it
 */
public record LinkRequest(String token, String reference, String institutionId) {

  @Override
  public String toString() {
    return "LinkRequest[reference=" + reference + ", institutionId=" + institutionId + "]";
  }
}

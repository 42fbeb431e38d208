package dev.nightshift.transactions.provider.plaid;

/** A webhook that did not prove it came from Plaid unchanged: answer 401 and ignore it. */
public class PlaidWebhookRejectedException extends RuntimeException {

  public PlaidWebhookRejectedException(String reason) {
    super(reason);
  }
}

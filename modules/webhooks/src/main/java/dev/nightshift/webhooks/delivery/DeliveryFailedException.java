package dev.nightshift.webhooks.delivery;

/** An attempt the endpoint did not accept; the engine retries the run while attempts are left. */
class DeliveryFailedException extends RuntimeException {

  DeliveryFailedException(String message) {
    super(message, null, false, false);
  }
}

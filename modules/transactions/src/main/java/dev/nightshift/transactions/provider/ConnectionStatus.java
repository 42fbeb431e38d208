package dev.nightshift.transactions.provider;

/** Whether a provider still grants access to a connection. */
public enum ConnectionStatus {
  CONNECTED,
  DISCONNECTED
}

package dev.nightshift.platform.outbound;

import java.util.Optional;

/**
 * An outbound call that produced no HTTP response. A response with any status, 4xx and 5xx
 * included, is not an exception. The message names the host, and the address where one is known; it
 * never contains the URL's path or query.
 */
public final class OutboundException extends Exception {

  /** What went wrong. */
  public enum Kind {
    /** Not an absolute http or https URL with a host, or user info in it. Permanent. */
    INVALID_URL,
    /** The host is, or resolves to, an address in a refused {@link AddressClass}. Permanent. */
    BLOCKED_ADDRESS,
    /** The name does not resolve. */
    UNKNOWN_HOST,
    /** No resolved address accepted a connection within the connect timeout. */
    CONNECT_TIMEOUT,
    /** Every resolved address refused the connection or was unreachable. */
    CONNECT_FAILED,
    /**
     * The TLS handshake failed: an untrusted certificate, one for another name, no common protocol.
     */
    TLS,
    /** The server went silent for longer than the read timeout. */
    READ_TIMEOUT,
    /** The whole call took longer than the call timeout and was aborted. */
    CALL_TIMEOUT,
    /** Any other failure: the connection reset, a malformed response. */
    IO
  }

  private final Kind kind;
  private final String host;
  private final String address;
  private final AddressClass addressClass;

  private OutboundException(
      Kind kind,
      String host,
      String address,
      AddressClass addressClass,
      String message,
      Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.host = host;
    this.address = address;
    this.addressClass = addressClass;
  }

  static OutboundException invalidUrl(String host, String reason) {
    return new OutboundException(Kind.INVALID_URL, host, null, null, reason, null);
  }

  /** {@code host} resolved to {@code address}, which is refused. */
  static OutboundException blocked(String host, String address, AddressClass addressClass) {
    return blocked(host, address, addressClass, host + " resolves to " + address + ", ");
  }

  /** {@code host} is the refused {@code address}, written as a literal. */
  static OutboundException blockedLiteral(String host, String address, AddressClass addressClass) {
    return blocked(host, address, addressClass, host + " is ");
  }

  private static OutboundException blocked(
      String host, String address, AddressClass addressClass, String subject) {
    return new OutboundException(
        Kind.BLOCKED_ADDRESS,
        host,
        address,
        addressClass,
        subject
            + addressClass.description()
            + ", which outbound HTTP does not reach unless nightshift.outbound.allowed-networks"
            + " covers it",
        null);
  }

  static OutboundException failed(Kind kind, String host, String message, Throwable cause) {
    return new OutboundException(kind, host, null, null, message, cause);
  }

  public Kind kind() {
    return kind;
  }

  /** The URL's host as given, or null when the URL had none. */
  public String host() {
    return host;
  }

  /** For {@link Kind#BLOCKED_ADDRESS}: the refused address. */
  public Optional<String> address() {
    return Optional.ofNullable(address);
  }

  /** For {@link Kind#BLOCKED_ADDRESS}: why the address was refused. */
  public Optional<AddressClass> addressClass() {
    return Optional.ofNullable(addressClass);
  }
}

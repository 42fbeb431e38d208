package dev.nightshift.calendar.provider;

import java.net.URI;

/** What a provider needs to read a connection, already unsealed and, for OAuth, fresh. */
public sealed interface ProviderAccess {

  /** A Google connection: an access token that is valid for at least the next few minutes. */
  record OAuth(String accessToken) implements ProviderAccess {}

  /** An ICS connection: the feed's address. */
  record Feed(URI url) implements ProviderAccess {}
}

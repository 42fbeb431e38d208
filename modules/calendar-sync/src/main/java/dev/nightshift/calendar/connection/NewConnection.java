package dev.nightshift.calendar.connection;

import java.net.URI;

/** A connection to make, checked: Google with its tokens, or an ICS feed. */
public sealed interface NewConnection {

  String name();

  record Google(String name, OAuthState tokens) implements NewConnection {}

  record Feed(String name, URI url) implements NewConnection {}
}

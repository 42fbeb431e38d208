package dev.nightshift.calendar.web;

import dev.nightshift.calendar.connection.NewConnection;
import dev.nightshift.calendar.connection.OAuthState;
import dev.nightshift.platform.problem.Problem;
import dev.nightshift.platform.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Checks a connection request; every field at fault is named in one 400. */
final class ConnectionCheck {

  static final int MAX_NAME = 200;
  static final int MAX_TOKEN = 4096;
  static final int MAX_URL = 2048;

  private final List<Problem.FieldError> errors = new ArrayList<>();

  private ConnectionCheck() {}

  static NewConnection check(ConnectionRequest request) {
    var check = new ConnectionCheck();
    var body =
        request == null ? new ConnectionRequest(null, null, null, null, null, null) : request;
    var connection = check.connection(body);
    if (!check.errors.isEmpty()) {
      throw new ProblemException(
          Problem.of(
                  Response.Status.BAD_REQUEST,
                  "invalid-calendar-connection",
                  "The connection request has " + check.errors.size() + " invalid field(s).")
              .withErrors(check.errors));
    }
    return connection;
  }

  private NewConnection connection(ConnectionRequest body) {
    if (body.provider() == null) {
      error("provider", "required: google or ics");
      return null;
    }
    return switch (body.provider()) {
      case "google" -> google(body);
      case "ics" -> feed(body);
      default -> {
        error("provider", "must be google or ics");
        yield null;
      }
    };
  }

  private NewConnection google(ConnectionRequest body) {
    text("name", body.name(), MAX_NAME, true);
    text("accessToken", body.accessToken(), MAX_TOKEN, true);
    text("refreshToken", body.refreshToken(), MAX_TOKEN, true);
    if (body.expiresAt() == null) {
      error("expiresAt", "required: when the access token expires (ISO-8601 instant)");
    }
    if (body.url() != null) {
      error("url", "only for provider ics");
    }
    return new NewConnection.Google(
        body.name(), new OAuthState(body.accessToken(), body.refreshToken(), body.expiresAt()));
  }

  private NewConnection feed(ConnectionRequest body) {
    for (var field : List.of("accessToken", "refreshToken")) {
      var value = field.equals("accessToken") ? body.accessToken() : body.refreshToken();
      if (value != null) {
        error(field, "only for provider google");
      }
    }
    if (body.expiresAt() != null) {
      error("expiresAt", "only for provider google");
    }
    text("name", body.name(), MAX_NAME, false);
    var url = url(body.url());
    var name = body.name() != null ? body.name() : url == null ? null : url.getHost();
    return new NewConnection.Feed(name, url);
  }

  private URI url(String value) {
    if (value == null || value.isBlank()) {
      error("url", "required: the feed's address");
      return null;
    }
    if (value.length() > MAX_URL) {
      error("url", "at most " + MAX_URL + " characters");
      return null;
    }
    try {
      var uri = new URI(value.trim());
      var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (uri.getHost() == null || !List.of("https", "http", "webcal").contains(scheme)) {
        error("url", "must be an absolute https, http or webcal address");
        return null;
      }
      // webcal is a hint to calendar apps; the feed itself is served over HTTPS.
      return scheme.equals("webcal") ? URI.create("https:" + uri.getRawSchemeSpecificPart()) : uri;
    } catch (URISyntaxException e) {
      error("url", "not a valid address: " + e.getReason());
      return null;
    }
  }

  private void text(String field, String value, int max, boolean required) {
    if (value == null) {
      if (required) {
        error(field, "required");
      }
    } else if (value.isBlank() || value.length() > max) {
      error(field, "must hold 1 to " + max + " characters");
    }
  }

  private void error(String field, String message) {
    errors.add(new Problem.FieldError(field, message));
  }
}

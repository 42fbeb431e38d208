package dev.nightshift.platform.auth;

import dev.nightshift.platform.apikey.ApiKeyStore;
import dev.nightshift.platform.apikey.ApiKeys;
import dev.nightshift.platform.config.PlatformConfig;
import dev.nightshift.platform.problem.Problem;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.security.MessageDigest;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Requires {@code Authorization: Bearer <key>} on every {@code /api/v1} request, or for a GET an
 * {@code access_token} query parameter issued by {@link ScopedTokens} for that very path, and
 * records the {@link Caller}. Inbound provider webhooks live outside {@code /api/v1} and
 * authenticate as their senders document.
 */
public class ApiKeyAuthenticationFilter {

  private static final String API_PREFIX = "/api/v1";
  private static final String BEARER = "Bearer ";
  private static final String ACCESS_TOKEN = "access_token";

  private final Caller caller;
  private final ApiKeyStore keys;
  private final ScopedTokens tokens;
  private final Optional<byte[]> adminKeyHash;

  ApiKeyAuthenticationFilter(
      Caller caller, ApiKeyStore keys, ScopedTokens tokens, PlatformConfig config) {
    this.caller = caller;
    this.keys = keys;
    this.tokens = tokens;
    this.adminKeyHash = config.adminKey().filter(k -> !k.isBlank()).map(ApiKeys::hash);
  }

  @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
  public Optional<Response> authenticate(ContainerRequestContext request) {
    if (!request.getUriInfo().getPath().startsWith(API_PREFIX)) {
      return Optional.empty();
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    String token = request.getUriInfo().getQueryParameters().getFirst(ACCESS_TOKEN);
    if (header == null && token != null && "GET".equals(request.getMethod())) {
      // Browsers cannot set headers on an EventSource: a scoped token opens one path only.
      var grant = tokens.verify(token, request.getUriInfo().getPath());
      if (grant.isEmpty()) {
        return unauthorized("The access token is invalid, expired or not for this path.");
      }
      caller.authenticate(grant.get());
      return Optional.empty();
    }
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return unauthorized("Send an API key as 'Authorization: Bearer <key>'.");
    }
    byte[] hash = ApiKeys.hash(header.substring(BEARER.length()).strip());
    // Constant-time comparison of digests: timing reveals nothing about the admin key.
    if (adminKeyHash.isPresent() && MessageDigest.isEqual(adminKeyHash.get(), hash)) {
      caller.authenticateAdmin();
      return Optional.empty();
    }
    var team = keys.activeTeamOf(hash);
    if (team.isEmpty()) {
      return unauthorized("The API key is unknown or revoked.");
    }
    caller.authenticateTeam(team.get());
    return Optional.empty();
  }

  private static Optional<Response> unauthorized(String detail) {
    var problem = Problem.of(Status.UNAUTHORIZED, "unauthorized", detail);
    return Optional.of(
        Response.fromResponse(problem.toResponse())
            .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"nightshift\"")
            .build());
  }
}

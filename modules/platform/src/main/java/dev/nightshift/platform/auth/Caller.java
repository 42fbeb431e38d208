package dev.nightshift.platform.auth;

import dev.nightshift.platform.problem.Problem;
import dev.nightshift.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response.Status;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling the API in this request: the operator with the admin key, or one team through one
 * of its keys. Set by {@link ApiKeyAuthenticationFilter} before any resource runs.
 */
@RequestScoped
public class Caller {

  private boolean admin;
  private UUID team;

  void authenticateAdmin() {
    this.admin = true;
  }

  void authenticateTeam(UUID teamId) {
    this.team = teamId;
  }

  void authenticate(ScopedTokens.Grant grant) {
    grant.team().ifPresentOrElse(this::authenticateTeam, this::authenticateAdmin);
  }

  public boolean isAdmin() {
    return admin;
  }

  /** The caller's team, empty for the admin. */
  public Optional<UUID> team() {
    return Optional.ofNullable(team);
  }

  public void requireAdmin() {
    if (!admin) {
      throw new ProblemException(
          Problem.of(Status.FORBIDDEN, "admin-key-required", "This endpoint needs the admin key."));
    }
  }

  /**
   * Passes for the admin and for {@code teamId}'s own keys. Any other team gets the same 404 as for
   * a team that does not exist, so keys cannot probe for other teams.
   */
  public void requireAccessTo(UUID teamId) {
    if (!admin && !teamId.equals(team)) {
      throw ProblemException.notFound("team", teamId);
    }
  }
}

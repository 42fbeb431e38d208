package dev.nightshift.platform.auth;

import dev.nightshift.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * The team a request acts for: a team key's own team; the admin key names one with {@code team}.
 * Another team's resources are answered 404, as if they did not exist.
 */
@RequestScoped
public class TeamScope {

  private final Caller caller;

  TeamScope(Caller caller) {
    this.caller = caller;
  }

  public UUID team(UUID requested) {
    if (caller.isAdmin()) {
      if (requested == null) {
        throw ProblemException.badRequest(
            "team-required", "The admin key acts for a team: name it with the team parameter.");
      }
      return requested;
    }
    var own = caller.team().orElseThrow();
    if (requested != null && !requested.equals(own)) {
      caller.requireAccessTo(requested);
    }
    return own;
  }

  /** 404 unless the caller may see the given team's resource. */
  public void check(UUID owner, String what, Object id) {
    if (!caller.isAdmin() && !owner.equals(caller.team().orElse(null))) {
      throw ProblemException.notFound(what, id);
    }
  }
}

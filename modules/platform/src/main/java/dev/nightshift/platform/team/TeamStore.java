package dev.nightshift.platform.team;

import static dev.nightshift.platform.database.Rows.instant;

import dev.nightshift.platform.api.Cursor;
import dev.nightshift.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Teams in {@code platform.teams}. */
@ApplicationScoped
public class TeamStore {

  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;

  TeamStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Creates a team; 409 if the slug is taken. */
  public Team create(NewTeam team) {
    try (Connection c = dataSource.getConnection();
        var insert =
            c.prepareStatement(
                "INSERT INTO platform.teams (id, name, slug) VALUES (?, ?, ?)"
                    + " RETURNING id, name, slug, created_at")) {
      insert.setObject(1, UUID.randomUUID());
      insert.setString(2, team.name());
      insert.setString(3, team.slug());
      try (var rs = insert.executeQuery()) {
        rs.next();
        return read(rs);
      }
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw ProblemException.conflict("A team with slug '" + team.slug() + "' exists already.");
      }
      throw new IllegalStateException("Could not create a team", e);
    }
  }

  public Optional<Team> find(UUID id) {
    return findBy("id", id);
  }

  public Optional<Team> findBySlug(String slug) {
    return findBy("slug", slug);
  }

  /** Up to {@code limit} teams after {@code after} (null: from the first), oldest first. */
  public List<Team> list(Cursor after, int limit) {
    String sql =
        "SELECT id, name, slug, created_at FROM platform.teams"
            + (after == null ? "" : " WHERE (created_at, id) > (?, ?)")
            + " ORDER BY created_at, id LIMIT ?";
    try (Connection c = dataSource.getConnection();
        var select = c.prepareStatement(sql)) {
      int i = 1;
      if (after != null) {
        select.setObject(i++, OffsetDateTime.ofInstant(after.createdAt(), ZoneOffset.UTC));
        select.setObject(i++, after.id());
      }
      select.setInt(i, limit);
      var teams = new ArrayList<Team>();
      try (var rs = select.executeQuery()) {
        while (rs.next()) {
          teams.add(read(rs));
        }
      }
      return teams;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not list teams", e);
    }
  }

  private Optional<Team> findBy(String column, Object value) {
    try (Connection c = dataSource.getConnection();
        var select =
            c.prepareStatement(
                "SELECT id, name, slug, created_at FROM platform.teams WHERE " + column + " = ?")) {
      select.setObject(1, value);
      try (var rs = select.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read a team", e);
    }
  }

  private static Team read(ResultSet rs) throws SQLException {
    return new Team(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        rs.getString("slug"),
        instant(rs, "created_at"));
  }
}

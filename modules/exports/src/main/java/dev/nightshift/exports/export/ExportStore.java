package dev.nightshift.exports.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.contracts.transactions.TransactionSelection;
import dev.nightshift.platform.api.Cursor;
import dev.nightshift.platform.database.Rows;
import dev.nightshift.platform.database.Statements;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@code exports.exports}. Every write joins the caller's transaction. A status only moves forward:
 * each change names the statuses it leaves, so a late write of a canceled or finished export
 * changes nothing and says so.
 */
@ApplicationScoped
public class ExportStore {

  private static final String COLUMNS =
      "id, team_id, run_id, status, selection, options, file_name, archive_path,"
          + " link_key_sealed, total, rows_written, attachments, missing_attachments, bytes, error,"
          + " created_at, started_at, completed_at, expires_at";

  private final DataSource dataSource;
  private final ObjectMapper json;

  ExportStore(DataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  /**
   * Stores the export unless the team already made one with its idempotency key.
   *
   * @return the new export, or empty when the key was used before
   */
  public Optional<Export> insertIfNew(NewExport export) {
    var sql =
        "INSERT INTO exports.exports (id, team_id, selection, options, idempotency_key,"
            + " file_name, archive_path, link_key_sealed) VALUES (?, ?, ?::jsonb, ?::jsonb, ?, ?,"
            + " ?, ?) ON CONFLICT (team_id, idempotency_key) WHERE idempotency_key IS NOT NULL"
            + " DO NOTHING RETURNING "
            + COLUMNS;
    try (var c = dataSource.getConnection();
        var insert = c.prepareStatement(sql)) {
      insert.setObject(1, export.id());
      insert.setObject(2, export.teamId());
      insert.setString(3, json.writeValueAsString(export.selection()));
      insert.setString(4, json.writeValueAsString(export.options()));
      insert.setString(5, export.idempotencyKey());
      insert.setString(6, export.fileName());
      insert.setString(7, export.archivePath());
      insert.setString(8, export.linkKeySealed());
      try (var rs = insert.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("Could not store the export", e);
    }
  }

  public void setRun(UUID id, UUID runId) {
    update("UPDATE exports.exports SET run_id = ?, updated_at = now() WHERE id = ?", runId, id);
  }

  public Optional<Export> find(UUID id) {
    return one("SELECT " + COLUMNS + " FROM exports.exports WHERE id = ?", id);
  }

  public Optional<Export> findByRun(UUID runId) {
    return one("SELECT " + COLUMNS + " FROM exports.exports WHERE run_id = ?", runId);
  }

  public Optional<Export> findByIdempotencyKey(UUID team, String key) {
    return one(
        "SELECT " + COLUMNS + " FROM exports.exports WHERE team_id = ? AND idempotency_key = ?",
        team,
        key);
  }

  /** A team's exports, newest first. */
  public List<Export> list(UUID team, Cursor after, int limit) {
    var sql =
        "SELECT "
            + COLUMNS
            + " FROM exports.exports WHERE team_id = ?"
            + (after == null ? "" : " AND (created_at, id) < (?, ?)")
            + " ORDER BY created_at DESC, id DESC LIMIT ?";
    try (var c = dataSource.getConnection();
        var query = c.prepareStatement(sql)) {
      int i = 1;
      query.setObject(i++, team);
      if (after != null) {
        query.setTimestamp(i++, Timestamp.from(after.createdAt()));
        query.setObject(i++, after.id());
      }
      query.setInt(i, limit);
      var result = new ArrayList<Export>();
      try (var rs = query.executeQuery()) {
        while (rs.next()) {
          result.add(read(rs));
        }
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not list exports", e);
    }
  }

  /**
   * A run begins writing the archive, from the start: counters reset, so a retried run reports its
   * own progress. False when the export was canceled or has finished.
   */
  public boolean started(UUID id, long total) {
    return update(
            "UPDATE exports.exports SET status = 'RUNNING', total = ?, rows_written = 0,"
                + " attachments = 0, missing_attachments = 0, bytes = 0, error = NULL,"
                + " started_at = now(), updated_at = now()"
                + " WHERE id = ? AND status IN ('QUEUED', 'RUNNING')",
            total,
            id)
        == 1;
  }

  /** The run's progress so far; ignored unless the export is RUNNING. */
  public void progress(UUID id, Progress progress) {
    update(
        "UPDATE exports.exports SET rows_written = ?, attachments = ?, missing_attachments = ?,"
            + " bytes = ?, updated_at = now() WHERE id = ? AND status = 'RUNNING'",
        progress.rows(),
        progress.attachments(),
        progress.missingAttachments(),
        progress.bytes(),
        id);
  }

  /** The archive is in the vault. False when the export was canceled meanwhile. */
  public boolean completed(UUID id, Progress done, Instant expiresAt) {
    return update(
            "UPDATE exports.exports SET status = 'COMPLETED', rows_written = ?, attachments = ?,"
                + " missing_attachments = ?, bytes = ?, completed_at = now(), expires_at = ?,"
                + " updated_at = now() WHERE id = ? AND status = 'RUNNING'",
            done.rows(),
            done.attachments(),
            done.missingAttachments(),
            done.bytes(),
            Timestamp.from(expiresAt),
            id)
        == 1;
  }

  /** The run failed for good. False when the export had finished already. */
  public boolean failed(UUID id, String error) {
    return update(
            "UPDATE exports.exports SET status = 'FAILED', error = ?, completed_at = now(),"
                + " updated_at = now() WHERE id = ? AND status IN ('QUEUED', 'RUNNING')",
            error,
            id)
        == 1;
  }

  /** A user canceled the export. False when it had finished already. */
  public boolean canceled(UUID id) {
    return update(
            "UPDATE exports.exports SET status = 'CANCELED', completed_at = now(),"
                + " updated_at = now() WHERE id = ? AND status IN ('QUEUED', 'RUNNING')",
            id)
        == 1;
  }

  /** Completed exports whose archive is past its retention, oldest first. */
  public List<Export> dueForExpiry(Instant now, int limit) {
    var sql =
        "SELECT "
            + COLUMNS
            + " FROM exports.exports WHERE status = 'COMPLETED' AND expires_at <= ?"
            + " ORDER BY expires_at LIMIT ?";
    try (var c = dataSource.getConnection();
        var query = c.prepareStatement(sql)) {
      query.setTimestamp(1, Timestamp.from(now));
      query.setInt(2, limit);
      var result = new ArrayList<Export>();
      try (var rs = query.executeQuery()) {
        while (rs.next()) {
          result.add(read(rs));
        }
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not find expired exports", e);
    }
  }

  /** The archive was deleted: its links answer 410 from now on. */
  public void expired(UUID id) {
    update(
        "UPDATE exports.exports SET status = 'EXPIRED', updated_at = now()"
            + " WHERE id = ? AND status = 'COMPLETED'",
        id);
  }

  public void delete(UUID id) {
    update("DELETE FROM exports.exports WHERE id = ?", id);
  }

  private Optional<Export> one(String sql, Object... params) {
    return Statements.first(dataSource, "read an export", sql, this::read, params);
  }

  private int update(String sql, Object... params) {
    return Statements.update(dataSource, "update an export", sql, params);
  }

  private Export read(ResultSet rs) throws SQLException {
    try {
      return new Export(
          rs.getObject("id", UUID.class),
          rs.getObject("team_id", UUID.class),
          rs.getObject("run_id", UUID.class),
          ExportStatus.valueOf(rs.getString("status")),
          json.readValue(rs.getString("selection"), TransactionSelection.class),
          json.readValue(rs.getString("options"), ExportOptions.class),
          rs.getString("file_name"),
          rs.getString("archive_path"),
          rs.getString("link_key_sealed"),
          rs.getObject("total", Long.class),
          rs.getLong("rows_written"),
          rs.getInt("attachments"),
          rs.getInt("missing_attachments"),
          rs.getLong("bytes"),
          rs.getString("error"),
          Rows.instant(rs, "created_at"),
          Rows.instant(rs, "started_at"),
          Rows.instant(rs, "completed_at"),
          Rows.instant(rs, "expires_at"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An export's stored selection or options do not read", e);
    }
  }
}

package dev.nightshift.calendar.scheduling.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.calendar.scheduling.DailyBlock;
import dev.nightshift.calendar.scheduling.WorkingHours;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@code calendar.working_hours}: one working week per team, its blocks stored as {@code HH:mm}
 * pairs per weekday name.
 */
@ApplicationScoped
public class WorkingHoursStore {

  private static final TypeReference<Map<DayOfWeek, List<Map<String, String>>>> WEEK =
      new TypeReference<>() {};

  private final DataSource dataSource;
  private final ObjectMapper json;

  WorkingHoursStore(DataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  public Optional<WorkingHours> find(UUID team) {
    var sql = "SELECT time_zone, week FROM calendar.working_hours WHERE team_id = ?";
    try (var c = dataSource.getConnection();
        var query = c.prepareStatement(sql)) {
      query.setObject(1, team);
      try (var rs = query.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        var week = new EnumMap<DayOfWeek, List<DailyBlock>>(DayOfWeek.class);
        json.readValue(rs.getString("week"), WEEK)
            .forEach(
                (day, blocks) ->
                    week.put(
                        day,
                        blocks.stream()
                            .map(b -> DailyBlock.of(b.get("start"), b.get("end")))
                            .toList()));
        return Optional.of(new WorkingHours(ZoneId.of(rs.getString("time_zone")), week));
      }
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("Could not read the working hours of team " + team, e);
    }
  }

  /** Replaces the team's working week. */
  public void save(UUID team, WorkingHours hours) {
    var week = new LinkedHashMap<DayOfWeek, List<Map<String, String>>>();
    hours
        .week()
        .forEach(
            (day, blocks) -> {
              if (!blocks.isEmpty()) {
                week.put(
                    day,
                    blocks.stream().map(b -> Map.of("start", b.start(), "end", b.end())).toList());
              }
            });
    var sql =
        "INSERT INTO calendar.working_hours (team_id, time_zone, week) VALUES (?, ?, ?::jsonb)"
            + " ON CONFLICT (team_id) DO UPDATE SET time_zone = excluded.time_zone,"
            + " week = excluded.week, updated_at = now()";
    try (var c = dataSource.getConnection();
        var upsert = c.prepareStatement(sql)) {
      upsert.setObject(1, team);
      upsert.setString(2, hours.zone().getId());
      upsert.setString(3, json.writeValueAsString(week));
      upsert.executeUpdate();
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("Could not store the working hours of team " + team, e);
    }
  }
}

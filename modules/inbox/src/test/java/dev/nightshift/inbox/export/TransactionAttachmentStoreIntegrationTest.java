package dev.nightshift.inbox.export;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.nightshift.contracts.inbox.TransactionAttachment;
import dev.nightshift.contracts.inbox.TransactionAttachments;
import dev.nightshift.platform.database.Ids;
import dev.nightshift.platform.team.NewTeam;
import dev.nightshift.platform.team.TeamStore;
import dev.nightshift.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class TransactionAttachmentStoreIntegrationTest {

  private static final Instant LINKED = Instant.parse("2026-06-15T10:00:00Z");

  @Inject TransactionAttachments attachments;
  @Inject DataSource dataSource;
  @Inject TeamStore teams;

  private UUID team;

  @BeforeEach
  void setUp() {
    team = team();
  }

  @Test
  void theTeamsLinkedDocumentsComeGroupedInTheOrderOfTheIdsGiven() {
    // Transactions belong to the transactions module: the inbox knows only their ids.
    var rent = UUID.randomUUID();
    var figma = UUID.randomUUID();
    var aws = UUID.randomUUID();
    var lease = item(team, "lease.pdf", "MATCHED", rent, LINKED.plusSeconds(2));
    var invoice = item(team, "figma.pdf", "MATCHED", figma, LINKED);
    var receipt = item(team, "aws.png", "MATCHED", aws, LINKED.plusSeconds(1));

    var found = attachments.of(team, List.of(aws, rent, UUID.randomUUID(), figma, aws));

    assertThat(ids(found), contains(receipt, lease, invoice));
    assertThat(
        found.get(1),
        equalTo(
            new TransactionAttachment(
                lease, rent, "lease.pdf", "application/pdf", 1234, "blob-" + lease)));
  }

  @Test
  void documentsNotLinkedAreNotAttachments() {
    var paid = UUID.randomUUID();
    var suggested = UUID.randomUUID();
    var linked = item(team, "linked.pdf", "MATCHED", paid, LINKED);
    item(team, "suggested.pdf", "SUGGESTED", suggested, null);
    item(team, "waiting.pdf", "UNMATCHED", null, null);
    item(team, "given-up.pdf", "NO_MATCH", null, null);

    assertThat(ids(attachments.of(team, List.of(paid, suggested))), contains(linked));
    assertThat(attachments.of(team, List.of(suggested)), empty());
    assertThat(attachments.of(team, List.of()), empty());
  }

  @Test
  void anotherTeamsDocumentsAreNeverReturned() {
    var other = team();
    var transaction = UUID.randomUUID();
    var theirs = item(other, "theirs.pdf", "MATCHED", transaction, LINKED);

    assertThat(attachments.of(team, List.of(transaction)), empty());
    assertThat(ids(attachments.of(other, List.of(transaction))), contains(theirs));
  }

  private static List<UUID> ids(List<TransactionAttachment> found) {
    return found.stream().map(TransactionAttachment::id).toList();
  }

  private UUID team() {
    return teams
        .create(new NewTeam("Attachments", "a-" + UUID.randomUUID().toString().substring(0, 8)))
        .id();
  }

  /** A processed item in the given match state, linked to {@code transaction} at {@code linked}. */
  private UUID item(
      UUID team, String fileName, String matchStatus, UUID transaction, Instant linked) {
    var id = Ids.next();
    try (var c = dataSource.getConnection();
        var insert =
            c.prepareStatement(
                "INSERT INTO inbox.items (id, team_id, reference_id, source, blob_key, file_name,"
                    + " content_type, size, status, match_status, transaction_id, matched_at)"
                    + " VALUES (?, ?, ?, 'UPLOAD', ?, ?, ?, 1234, 'PROCESSED', ?, ?, ?)")) {
      insert.setObject(1, id);
      insert.setObject(2, team);
      insert.setString(3, "ref-" + id);
      insert.setString(4, "blob-" + id);
      insert.setString(5, fileName);
      insert.setString(6, fileName.endsWith(".png") ? "image/png" : "application/pdf");
      insert.setString(7, matchStatus);
      insert.setObject(8, transaction);
      insert.setObject(
          9,
          linked == null
              ? null
              : OffsetDateTime.ofInstant(linked.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return id;
  }
}

package dev.nightshift.contracts.transactions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The transactions module's answer to "which of this team's transactions could have paid this
 * document?", so that the inbox never reads another module's tables.
 */
public interface MatchCandidates {

  /**
   * The team's transactions of exactly this signed amount dated within [from, to], nearest to
   * {@code around} first, at most {@code limit}.
   */
  List<MatchCandidate> withAmount(
      UUID teamId,
      BigDecimal signedAmount,
      LocalDate from,
      LocalDate to,
      LocalDate around,
      int limit);

  /** The team's transactions among these ids; others' and unknown ids are left out. */
  List<MatchCandidate> byIds(UUID teamId, Collection<UUID> ids);
}

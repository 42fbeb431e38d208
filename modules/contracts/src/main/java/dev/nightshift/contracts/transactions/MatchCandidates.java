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
   * The team's posted transactions of exactly this signed amount, in any currency, dated within
   * [from, to] (inclusive), nearest to {@code around} first, at most {@code limit}. Pending
   * transactions are left out: a provider may give one a new id when it posts.
   */
  List<MatchCandidate> withAmount(
      UUID teamId,
      BigDecimal signedAmount,
      LocalDate from,
      LocalDate to,
      LocalDate around,
      int limit);

  /**
   * The team's transactions among these ids, pending or posted, in no particular order; other
   * teams' and unknown ids are left out.
   */
  List<MatchCandidate> byIds(UUID teamId, Collection<UUID> ids);
}

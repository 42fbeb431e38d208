package dev.nightshift.inbox.matching.score;

import dev.nightshift.contracts.transactions.MatchCandidate;
import java.util.HashSet;
import java.util.List;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Whether the transaction names the document's vendor. The vendor is compared with the
 * transaction's merchant, name and counterparty, each normalised by {@link VendorNames}; the best
 * comparison counts:
 *
 * <ul>
 *   <li>the same tokens, or the same letters once joined ("Drop box", "DROPBOX"): 1;
 *   <li>the document's invoice number printed in the bank text: 0.95;
 *   <li>every token of one found among the other's ("Google Cloud", "GOOGLE CLOUD EMEA"): 0.9;
 *   <li>one joined name inside the other, at least 4 letters ("Adobe", "ADOBESYSTEMS"): 0.85;
 *   <li>otherwise the Jaro-Winkler similarity of the joined names, from 0.75 (scores 0) to 1
 *       (scores 1), or the token overlap (Jaccard), whichever is higher.
 * </ul>
 *
 * A document without a vendor scores 0.5: it neither speaks for nor against a candidate.
 */
final class VendorSimilarity {

  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
  private static final double JARO_WINKLER_FLOOR = 0.75;
  private static final double MATCHES = 0.9;

  private VendorSimilarity() {}

  static Criterion score(MatchDocument document, MatchCandidate candidate) {
    var vendor = VendorNames.tokens(document.vendor());
    var invoiceNumber = VendorNames.compact(document.invoiceNumber());
    if (invoiceNumber.length() >= 4 && bankText(candidate).contains(invoiceNumber)) {
      return new Criterion(
          0.95, "invoice number " + document.invoiceNumber() + " appears in the transaction");
    }
    if (vendor.isEmpty()) {
      return new Criterion(0.5, "the document names no vendor");
    }
    double best = -1;
    String field = null;
    String label = null;
    for (var option :
        List.of(
            new String[] {"merchant", candidate.merchant()},
            new String[] {"name", candidate.name()},
            new String[] {"counterparty", candidate.counterparty()})) {
      if (option[1] == null) {
        continue;
      }
      double similarity = similarity(vendor, VendorNames.bankTokens(option[1]));
      if (similarity > best) {
        best = similarity;
        field = option[0];
        label = option[1];
      }
    }
    String quoted = "'" + document.vendor() + "'";
    if (best >= MATCHES) {
      return new Criterion(best, "vendor " + quoted + " matches " + field + " '" + label + "'");
    }
    if (best > 0) {
      return new Criterion(best, "vendor " + quoted + " resembles " + field + " '" + label + "'");
    }
    return new Criterion(0, "vendor " + quoted + " does not match '" + candidate.name() + "'");
  }

  static double similarity(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    var joinedA = String.join("", a);
    var joinedB = String.join("", b);
    if (joinedA.equals(joinedB)) {
      return 1;
    }
    var setA = new HashSet<>(a);
    var setB = new HashSet<>(b);
    if (setA.containsAll(setB) || setB.containsAll(setA)) {
      return 0.9;
    }
    var shorter = joinedA.length() <= joinedB.length() ? joinedA : joinedB;
    var longer = shorter == joinedA ? joinedB : joinedA;
    if (shorter.length() >= 4 && longer.contains(shorter)) {
      return 0.85;
    }
    double jaroWinkler =
        Math.max(
            0,
            (JARO_WINKLER.apply(joinedA, joinedB) - JARO_WINKLER_FLOOR) / (1 - JARO_WINKLER_FLOOR));
    var common = new HashSet<>(setA);
    common.retainAll(setB);
    var union = new HashSet<>(setA);
    union.addAll(setB);
    return Math.max(jaroWinkler, (double) common.size() / union.size());
  }

  private static String bankText(MatchCandidate candidate) {
    return VendorNames.compact(candidate.name())
        + " "
        + VendorNames.compact(candidate.description())
        + " "
        + VendorNames.compact(candidate.counterparty());
  }
}

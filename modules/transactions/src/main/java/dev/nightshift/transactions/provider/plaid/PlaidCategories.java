package dev.nightshift.transactions.provider.plaid;

import dev.nightshift.transactions.provider.AccountType;
import dev.nightshift.transactions.provider.plaid.PlaidApi.Transaction;
import java.math.BigDecimal;

/**
 * Category slugs from Plaid's personal finance categories, as Midday maps them; the order of the
 * rules matters (modules/transactions/README.md lists them).
 */
final class PlaidCategories {

  /** General merchandise from this amount on is equipment rather than office supplies. */
  private static final BigDecimal EQUIPMENT_FROM = new BigDecimal("500");

  private PlaidCategories() {}

  /**
   * A category slug from Plaid's personal finance category, as Midday maps it.
   *
   * @param amount already in our sign: positive is money in
   */
  static String category(Transaction t, BigDecimal amount, AccountType accountType) {
    String primary =
        t.personalFinanceCategory() == null ? null : t.personalFinanceCategory().primary();
    String detailed =
        t.personalFinanceCategory() == null ? null : t.personalFinanceCategory().detailed();
    if ("INCOME".equals(primary)) {
      return "income";
    }
    if ("LOAN_PAYMENTS_CREDIT_CARD_PAYMENT".equals(detailed)) {
      return "credit-card-payment";
    }
    if (amount.signum() > 0) {
      if (accountType == AccountType.CREDIT) {
        // Money into a card is its payment, or a refund, which is not income.
        return "TRANSFER_IN".equals(primary) || "bill payment".equals(t.transactionCode())
            ? "credit-card-payment"
            : null;
      }
      return "income";
    }
    if ("bank charge".equals(t.transactionCode()) || "BANK_FEES".equals(primary)) {
      return "fees";
    }
    String byDetail =
        detailed == null
            ? null
            : switch (detailed) {
              case "GENERAL_SERVICES_OTHER_GENERAL_SERVICES" -> "software";
              case "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY",
                  "RENT_AND_UTILITIES_SEWAGE_AND_WASTE_MANAGEMENT",
                  "RENT_AND_UTILITIES_WATER",
                  "RENT_AND_UTILITIES_OTHER_UTILITIES" ->
                  "utilities";
              case "RENT_AND_UTILITIES_RENT" -> "rent";
              case "RENT_AND_UTILITIES_INTERNET_AND_CABLE", "RENT_AND_UTILITIES_TELEPHONE" ->
                  "internet-and-telephone";
              default -> null;
            };
    if (byDetail != null) {
      return byDetail;
    }
    if (primary == null) {
      return null;
    }
    return switch (primary) {
      case "FOOD_AND_DRINK" -> "meals";
      case "TRANSPORTATION", "TRAVEL" -> "travel";
      case "PROFESSIONAL_SERVICES" -> "professional-services-fees";
      case "INSURANCE" -> "insurance";
      case "MARKETING" -> "marketing";
      case "HOME_IMPROVEMENT" -> "office-supplies";
      case "ENTERTAINMENT" -> "activity";
      case "TAX" -> "taxes";
      case "MEDICAL" -> "benefits";
      case "GENERAL_MERCHANDISE" ->
          amount.abs().compareTo(EQUIPMENT_FROM) < 0 ? "office-supplies" : "equipment";
      default -> null;
    };
  }
}

package dev.nightshift.transactions.provider.sandbox;

import dev.nightshift.transactions.provider.TransactionMethod;
import java.util.List;

/**
 * A counterparty of the sandbox bank: what it is called on a statement, its category, how it is
 * paid, and the range of its amounts in minor units (negative: money out).
 */
record Merchant(
    String name,
    String description,
    String category,
    TransactionMethod method,
    long minMinor,
    long maxMinor) {

  /** Typical for a small software company: mostly card spend, some large incoming transfers. */
  static final List<Merchant> ALL =
      List.of(
          new Merchant(
              "Amazon Web Services",
              "AWS EMEA SARL",
              "software",
              TransactionMethod.CARD_PURCHASE,
              -95_000,
              -4_500),
          new Merchant(
              "Google Workspace",
              "GOOGLE *WORKSPACE",
              "software",
              TransactionMethod.CARD_PURCHASE,
              -24_000,
              -1_200),
          new Merchant(
              "Figma",
              "FIGMA MONTHLY",
              "software",
              TransactionMethod.CARD_PURCHASE,
              -9_000,
              -1_500),
          new Merchant(
              "Slack",
              "SLACK T0123 DUBLIN",
              "software",
              TransactionMethod.CARD_PURCHASE,
              -15_000,
              -800),
          new Merchant(
              "GitHub", "GITHUB, INC.", "software", TransactionMethod.CARD_PURCHASE, -21_000, -400),
          new Merchant(
              "Uber", "UBER *TRIP", "travel", TransactionMethod.CARD_PURCHASE, -6_500, -900),
          new Merchant(
              "Lufthansa",
              "LUFTHANSA 220",
              "travel",
              TransactionMethod.CARD_PURCHASE,
              -180_000,
              -12_000),
          new Merchant(
              "Deutsche Bahn",
              "DB VERTRIEB GMBH",
              "travel",
              TransactionMethod.CARD_PURCHASE,
              -25_000,
              -1_900),
          new Merchant(
              "Starbucks",
              "STARBUCKS 4021",
              "meals",
              TransactionMethod.CARD_PURCHASE,
              -2_400,
              -350),
          new Merchant(
              "Pret A Manger",
              "PRET A MANGER",
              "meals",
              TransactionMethod.CARD_PURCHASE,
              -3_800,
              -450),
          new Merchant(
              "WeWork", "WEWORK MEMBERSHIP", "rent", TransactionMethod.PAYMENT, -450_000, -120_000),
          new Merchant(
              "Vodafone",
              "VODAFONE GMBH",
              "internet-and-telephone",
              TransactionMethod.PAYMENT,
              -9_900,
              -2_900),
          new Merchant(
              "IKEA",
              "IKEA BUSINESS",
              "office-supplies",
              TransactionMethod.CARD_PURCHASE,
              -45_000,
              -1_500),
          new Merchant(
              "Apple",
              "APPLE STORE R512",
              "equipment",
              TransactionMethod.CARD_PURCHASE,
              -350_000,
              -60_000),
          new Merchant(
              "Bank fee", "ACCOUNT MAINTENANCE FEE", "fees", TransactionMethod.FEE, -1_500, -500),
          new Merchant(
              "Stripe", "STRIPE PAYOUT", "income", TransactionMethod.TRANSFER, 50_000, 1_500_000),
          new Merchant(
              "Acme Corp",
              "INVOICE 2026-0142 ACME CORP",
              "income",
              TransactionMethod.TRANSFER,
              120_000,
              2_400_000),
          new Merchant(
              "Globex Ltd",
              "PAYMENT GLOBEX LTD",
              "income",
              TransactionMethod.ACH,
              80_000,
              900_000));
}

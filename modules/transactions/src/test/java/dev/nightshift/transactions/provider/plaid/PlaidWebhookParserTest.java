package dev.nightshift.transactions.provider.plaid;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nightshift.transactions.provider.plaid.PlaidWebhook.Reaction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlaidWebhookParserTest {

  private final PlaidWebhookParser parser = new PlaidWebhookParser();

  @ParameterizedTest
  @CsvSource({
    "sync-updates-available.json, SYNC",
    "historical-update.json, SYNC",
    "transactions-removed.json, REMOVE_TRANSACTIONS",
    "item-error.json, DISCONNECTED",
    "pending-disconnect.json, DISCONNECTED",
    "user-permission-revoked.json, DISCONNECTED",
    "login-repaired.json, CONNECTED",
    "new-accounts-available.json, NONE"
  })
  void eachWebhookHasItsReaction(String fixture, Reaction reaction) {
    var webhook = parser.parse(PlaidFixtures.bytes("webhooks/" + fixture));

    assertThat(webhook.reaction(), is(reaction));
    assertThat(webhook.itemId(), is("M5eVJqLnv3tbzdngLDp9FL5OlDNxlNhlE55op"));
    assertThat(webhook.environment(), is("production"));
  }

  @Test
  void anItemErrorCarriesPlaidsErrorCode() {
    var webhook = parser.parse(PlaidFixtures.bytes("webhooks/item-error.json"));

    assertThat(webhook.type(), is("ITEM"));
    assertThat(webhook.code(), is("ERROR"));
    assertThat(webhook.errorCode(), is("ITEM_LOGIN_REQUIRED"));
    assertThat(webhook.removedTransactions(), empty());
  }

  @Test
  void removedTransactionsAreListed() {
    var webhook = parser.parse(PlaidFixtures.bytes("webhooks/transactions-removed.json"));

    assertThat(
        webhook.removedTransactions(),
        contains("yBVBEwrPyJs8GvR77N7QTxnGg6wG74H7dEDN6", "kgygNvAVPzSX9KkddNdWHaVGRVex1MHm3k9no"));
    assertThat(webhook.errorCode(), nullValue());
  }

  @Test
  void otherProductsWebhooksAreIgnored() {
    var webhook =
        parser.parse(
            """
            {"webhook_type": "AUTH", "webhook_code": "AUTOMATICALLY_VERIFIED",
             "item_id": "eVBnVMp7zdTJLkRNr33Rs6zr7KNJqBFL9DrE6", "account_id": "dVzbVMLjrxTnLjX4G66XUp5GLklm4oiZy88yK"}
            """
                .getBytes(StandardCharsets.UTF_8));

    assertThat(webhook.reaction(), is(Reaction.NONE));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"not json", "[1, 2]", "{\"webhook_type\": \"ITEM\"}", "{\"webhook_code\": 3}"})
  void bodiesThatAreNotPlaidWebhooksAreBadInput(String body) {
    assertThrows(
        IllegalArgumentException.class, () -> parser.parse(body.getBytes(StandardCharsets.UTF_8)));
  }
}

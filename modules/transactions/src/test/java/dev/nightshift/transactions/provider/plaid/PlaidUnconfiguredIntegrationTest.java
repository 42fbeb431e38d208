package dev.nightshift.transactions.provider.plaid;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.transactions.provider.Credentials;
import dev.nightshift.transactions.provider.LinkRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The application starts without any Plaid setting; Plaid then refuses work instead of calling. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class PlaidUnconfiguredIntegrationTest {

  @Inject PlaidProvider plaid;

  @Test
  void withoutSettingsPlaidIsNotConfigured() {
    assertThat(plaid.configured(), is(false));
    assertThrows(
        IllegalStateException.class,
        () -> plaid.link(new LinkRequest("public-sandbox-b0e2c4ee", null, null)));
    assertThrows(
        IllegalStateException.class,
        () -> plaid.accounts(new Credentials("access-sandbox-1", "item-1")));
  }
}

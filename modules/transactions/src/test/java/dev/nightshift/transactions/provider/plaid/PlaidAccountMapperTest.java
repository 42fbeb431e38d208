package dev.nightshift.transactions.provider.plaid;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.nightshift.transactions.provider.AccountType;
import dev.nightshift.transactions.provider.ProviderAccount;
import dev.nightshift.transactions.provider.plaid.PlaidApi.AccountsGetResponse;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaidAccountMapperTest {

  private final List<ProviderAccount> accounts =
      PlaidFixtures.read("accounts-get.json", AccountsGetResponse.class).accounts().stream()
          .map(PlaidAccountMapper::toAccount)
          .toList();

  @Test
  void typesFollowPlaidsAccountTypes() {
    assertThat(
        accounts.stream().map(ProviderAccount::type).toList(),
        is(
            List.of(
                AccountType.DEPOSITORY,
                AccountType.DEPOSITORY,
                AccountType.CREDIT,
                AccountType.LOAN,
                AccountType.OTHER_ASSET)));
    assertThat(PlaidAccountMapper.type("other"), is(AccountType.OTHER_ASSET));
    assertThat(PlaidAccountMapper.type(null), is(AccountType.OTHER_ASSET));
  }

  @Test
  void aDepositoryAccountShowsWhatIsAvailableElseTheCurrentBalance() {
    ProviderAccount checking = accounts.get(0);
    assertThat(checking.id(), is("BxBXxLj1m4HMXBm9WZZmCWVbPjX16EHwv99vp"));
    assertThat(checking.name(), is("Plaid Checking"));
    assertThat(checking.balance(), comparesEqualTo(new BigDecimal("100")));
    assertThat(checking.availableBalance(), comparesEqualTo(new BigDecimal("100")));

    ProviderAccount savings = accounts.get(1);
    assertThat(savings.balance(), comparesEqualTo(new BigDecimal("210.5")));
    assertThat(savings.availableBalance(), nullValue());
  }

  @Test
  void aCardShowsWhatIsOwedNotTheCreditLeft() {
    ProviderAccount card = accounts.get(2);
    assertThat(card.balance(), comparesEqualTo(new BigDecimal("410")));
    assertThat(card.availableBalance(), comparesEqualTo(new BigDecimal("1590")));
  }

  @Test
  void currenciesAreUpperCaseWithPlaidsUnofficialCodesAndUsdByDefault() {
    assertThat(accounts.get(0).currency(), is("USD"));
    assertThat(accounts.get(4).currency(), is("BTC"));
    assertThat(PlaidAccountMapper.currency(null, null), is("USD"));
  }
}

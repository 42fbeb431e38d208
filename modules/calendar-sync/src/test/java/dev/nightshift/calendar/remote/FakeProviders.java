package dev.nightshift.calendar.remote;

import dev.nightshift.calendar.provider.CalendarProvider;
import dev.nightshift.calendar.provider.OAuthTokens;
import dev.nightshift.calendar.provider.ProviderName;
import dev.nightshift.calendar.provider.Providers;
import io.quarkus.test.junit.QuarkusMock;

/**
 * The remote side for tests: {@link FakeGoogle} and {@link FakeFeeds}, installed in place of the
 * deployed providers for one test at a time with {@link #install()}. A mock rather than a CDI
 * alternative, so that the real Google and ICS beans, once deployed in this module, stay what every
 * other test gets.
 */
public final class FakeProviders extends Providers {

  public static final FakeGoogle GOOGLE = new FakeGoogle();
  public static final FakeFeeds FEEDS = new FakeFeeds();

  private FakeProviders() {
    super(null, null);
  }

  /** Call in {@code @BeforeEach}; Quarkus removes it after the test. */
  public static void install() {
    QuarkusMock.installMockForType(new FakeProviders(), Providers.class);
  }

  @Override
  public CalendarProvider get(ProviderName name) {
    return name == ProviderName.GOOGLE ? GOOGLE : FEEDS;
  }

  @Override
  public OAuthTokens oauth() {
    return GOOGLE;
  }
}

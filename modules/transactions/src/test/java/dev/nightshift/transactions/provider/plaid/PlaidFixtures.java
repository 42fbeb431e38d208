package dev.nightshift.transactions.provider.plaid;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Plaid's documented responses under src/test/resources/plaid/. */
final class PlaidFixtures {

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private PlaidFixtures() {}

  static String text(String name) {
    try (InputStream in = PlaidFixtures.class.getResourceAsStream("/plaid/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture plaid/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(String name) {
    return text(name).getBytes(StandardCharsets.UTF_8);
  }

  static <T> T read(String name, Class<T> type) {
    try {
      return JSON.readValue(text(name), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

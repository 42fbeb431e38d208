package dev.nightshift.transactions.provider.plaid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.transactions.provider.plaid.PlaidWebhook.Reaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Plaid webhook bodies into {@link PlaidWebhook}s and decides the reaction, as Midday routes
 * them. Verify the body first ({@link PlaidWebhookVerifier}): parsing proves nothing.
 */
@ApplicationScoped
public class PlaidWebhookParser {

  private final ObjectMapper json = new ObjectMapper();

  /**
   * @throws IllegalArgumentException when the body is not JSON or names no type and code
   */
  public PlaidWebhook parse(byte[] body) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("A Plaid webhook body must be JSON", e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("A Plaid webhook body must be a JSON object");
    }
    String type = text(root, "webhook_type");
    String code = text(root, "webhook_code");
    if (type == null || code == null) {
      throw new IllegalArgumentException("A Plaid webhook names its webhook_type and webhook_code");
    }
    JsonNode error = root.path("error");
    List<String> removed = new ArrayList<>();
    root.path("removed_transactions").forEach(id -> removed.add(id.asText()));
    return new PlaidWebhook(
        type,
        code,
        text(root, "item_id"),
        text(error, "error_code"),
        text(error, "error_message"),
        List.copyOf(removed),
        text(root, "environment"),
        reaction(type, code));
  }

  static Reaction reaction(String type, String code) {
    return switch (type) {
      case "TRANSACTIONS" ->
          switch (code) {
            case "SYNC_UPDATES_AVAILABLE",
                "DEFAULT_UPDATE",
                "INITIAL_UPDATE",
                "HISTORICAL_UPDATE" ->
                Reaction.SYNC;
            case "TRANSACTIONS_REMOVED" -> Reaction.REMOVE_TRANSACTIONS;
            default -> Reaction.NONE;
          };
      case "ITEM" ->
          switch (code) {
            case "ERROR", "PENDING_DISCONNECT", "USER_PERMISSION_REVOKED" -> Reaction.DISCONNECTED;
            case "LOGIN_REPAIRED" -> Reaction.CONNECTED;
            default -> Reaction.NONE;
          };
      default -> Reaction.NONE;
    };
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? value.asText() : null;
  }
}

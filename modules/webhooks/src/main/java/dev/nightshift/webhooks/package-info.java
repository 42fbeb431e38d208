/**
 * Webhook subscriptions per team and their deliveries: JSON posts signed with HMAC-SHA256,
 * recorded, retried and redeliverable, in the {@code webhooks} schema. It may use {@code
 * dev.nightshift.contracts}, the platform and the engine's public API, never {@code
 * dev.nightshift.engine.runtime} and never another domain module: it receives other modules' events
 * through {@code dev.nightshift.contracts}. The engine imports no domain module.
 */
package dev.nightshift.webhooks;

/**
 * Bank connections, accounts and transactions: providers behind one interface (a sandbox, Plaid,
 * GoCardless, Teller), the initial setup and the hourly sync, in the {@code transactions} schema.
 * It may use {@code dev.nightshift.contracts}, the platform and the engine's public API, never
 * {@code dev.nightshift.engine.runtime} and never another domain module: other modules learn about
 * transactions through events and query ports in {@code dev.nightshift.contracts}. The engine
 * imports no domain module.
 */
package dev.nightshift.transactions;

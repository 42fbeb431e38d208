/**
 * Documents that arrive by inbound email, IMAP or upload: extraction of amount, dates, invoice
 * number and vendor, and matching to transactions, in the {@code inbox} schema. It may use {@code
 * dev.nightshift.contracts}, the platform and the engine's public API, never {@code
 * dev.nightshift.engine.runtime} and never another domain module: it learns about transactions only
 * through events and query ports in {@code dev.nightshift.contracts}. The engine imports no domain
 * module.
 */
package dev.nightshift.inbox;

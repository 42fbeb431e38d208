/**
 * Exports of transactions with their attachments: a CSV packed into an archive, uploaded to the
 * vault and offered by an expiring download link, in the {@code exports} schema. It may use {@code
 * dev.nightshift.contracts}, the platform and the engine's public API, never {@code
 * dev.nightshift.engine.runtime} and never another domain module: it reads transactions through a
 * query port in {@code dev.nightshift.contracts}. The engine imports no domain module.
 */
package dev.nightshift.exports;

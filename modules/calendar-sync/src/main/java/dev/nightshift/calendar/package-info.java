/**
 * Calendar connections kept in sync (full, incremental with sync tokens, batched over workspaces)
 * and tasks scheduled into free slots, in the {@code calendar} schema. It may use {@code
 * dev.nightshift.contracts}, the platform and the engine's public API, never {@code
 * dev.nightshift.engine.runtime} and never another domain module: modules talk through events and
 * query ports in {@code dev.nightshift.contracts}. The engine imports no domain module.
 */
package dev.nightshift.calendar;

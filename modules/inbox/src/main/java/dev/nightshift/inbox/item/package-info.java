/** Inbox items: one per received document, in {@code inbox.items}. */
package dev.nightshift.inbox.item;

/**
 * What an export needs from the inbox: the documents linked to its transactions, through the
 * contracts port {@code TransactionAttachments}.
 */
package dev.nightshift.inbox.export;

/**
 * The extraction chain: strategies that read a document's total, currency, dates, invoice number,
 * vendor and tax, each field with its source and confidence.
 */
package dev.nightshift.inbox.extraction;

/**
 * Structured e-invoices: ZUGFeRD 1 and 2, Factur-X and XRechnung embedded in PDF/A-3, and CII and
 * UBL XML files, read field by field with Mustang.
 */
package dev.nightshift.inbox.extraction.einvoice;

/**
 * Rules that read an invoice or receipt from plain text: a PDF's text layer or OCR output. The
 * labels of each language are data, in {@code vocabulary}; amounts, dates and currencies have a
 * class each, and each field a finder.
 */
package dev.nightshift.inbox.extraction.text;

/** The process-document task: an item's document through the extraction chain. */
package dev.nightshift.inbox.processing;

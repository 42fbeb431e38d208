/**
 * How documents enter a team's inbox: which files count as documents, where their content goes, and
 * the item and process-document run each one gets.
 */
package dev.nightshift.inbox.intake;

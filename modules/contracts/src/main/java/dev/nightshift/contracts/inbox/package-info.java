/** What the inbox module tells other modules. */
package dev.nightshift.contracts.inbox;

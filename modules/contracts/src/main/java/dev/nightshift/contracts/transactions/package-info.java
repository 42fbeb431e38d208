/** What the transactions module tells other modules. */
package dev.nightshift.contracts.transactions;

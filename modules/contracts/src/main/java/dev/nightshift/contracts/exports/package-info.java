/** What the exports module tells other modules. */
package dev.nightshift.contracts.exports;

/**
 * The bank data providers behind one interface, {@link BankProvider}, and the normalised shapes
 * they map to. One subpackage per provider.
 */
package dev.nightshift.transactions.provider;

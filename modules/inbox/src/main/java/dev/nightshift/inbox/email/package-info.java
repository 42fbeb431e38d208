/** Documents that arrive by email: team inbox addresses and Postmark's inbound webhook. */
package dev.nightshift.inbox.email;

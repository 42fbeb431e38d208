/** The inbox's REST resources. */
package dev.nightshift.inbox.web;

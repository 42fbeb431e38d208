/**
 * Optional cloud extractors, off by default: Google Document AI's Invoice Parser and any chat
 * completions API that speaks OpenAI's protocol. Both call out through the platform's guarded
 * {@link dev.nightshift.platform.outbound.OutboundHttp}.
 */
package dev.nightshift.inbox.extraction.cloud;

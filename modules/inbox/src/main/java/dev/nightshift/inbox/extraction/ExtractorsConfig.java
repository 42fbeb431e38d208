package dev.nightshift.inbox.extraction;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.util.Optional;

/** The extraction chain's strategies: {@code nightshift.inbox.extractors.*}. */
@ConfigMapping(prefix = "nightshift.inbox.extractors")
public interface ExtractorsConfig {

  /** Google Document AI's Invoice Parser, tried after OCR. Off by default. */
  @WithName("document-ai")
  DocumentAi documentAi();

  /** A chat completions API that speaks OpenAI's protocol, tried last. Off by default. */
  OpenAi openai();

  /** {@code nightshift.inbox.extractors.document-ai.*} */
  interface DocumentAi {

    /** Sends documents to Google. Needs the project, processor and access token below. */
    @WithDefault("false")
    boolean enabled();

    /** The Google Cloud project id or number that owns the processor. */
    Optional<String> project();

    /** The processor's location: {@code us} or {@code eu}. */
    @WithDefault("us")
    String location();

    /** The Invoice Parser processor's id, as shown in the console. */
    Optional<String> processor();

    /**
     * The API's base URL. Unset: {@code https://<location>-documentai.googleapis.com}, the regional
     * endpoint, which keeps documents in the processor's location.
     */
    Optional<URI> endpoint();

    /**
     * An OAuth 2.0 access token with the {@code cloud-platform} scope, sent as a bearer token.
     * Google's tokens last an hour: have something outside Nightshift renew it in the environment.
     * A rejected token leaves documents to the other strategies, with a warning in the log.
     */
    Optional<String> accessToken();

    /**
     * The most of an answer read. Answers carry the document's text and layout: page count x ~1M.
     */
    @WithDefault("32M")
    MemorySize maxResponseSize();
  }

  /** {@code nightshift.inbox.extractors.openai.*} */
  interface OpenAi {

    /** Sends documents to the API below. Needs an API key. */
    @WithDefault("false")
    boolean enabled();

    /** The API's base URL, without {@code /chat/completions}. */
    @WithDefault("https://api.openai.com/v1")
    URI baseUrl();

    /** Sent as a bearer token. */
    Optional<String> apiKey();

    /** The model; it must support structured outputs (a {@code json_schema} response format). */
    @WithDefault("gpt-4o-mini")
    String model();

    /**
     * The confidence given to every field the model returns, from 0 to 1. The API states none; at
     * 0.7 a finding from the PDF text layer or from OCR with the same confidence or more wins.
     */
    @WithDefault("0.7")
    double confidence();

    /** A PDF's text layer is cut to this many characters before it is sent. */
    @WithDefault("60000")
    int maxTextLength();

    /** The most of an answer read. */
    @WithDefault("1M")
    MemorySize maxResponseSize();
  }
}

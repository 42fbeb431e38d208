package dev.nightshift.calendar.provider.google;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.jackson.ClientObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Google's OAuth 2.0 token endpoint (RFC 6749, section 6): the client's base URI is the endpoint's
 * whole URL. Error answers become exceptions in {@link GoogleTokenErrors}.
 */
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.APPLICATION_JSON)
public interface GoogleTokenApi {

  @ClientObjectMapper
  static ObjectMapper objectMapper(ObjectMapper application) {
    return application.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** Always called with {@code grant_type=refresh_token}. */
  @POST
  TokenResponse refresh(
      @FormParam("grant_type") String grantType,
      @FormParam("client_id") String clientId,
      @FormParam("client_secret") String clientSecret,
      @FormParam("refresh_token") String refreshToken);

  /**
   * @param expiresIn seconds from now
   * @param refreshToken present only when Google rotated the refresh token
   */
  record TokenResponse(
      @JsonProperty("access_token") String accessToken,
      @JsonProperty("expires_in") long expiresIn,
      @JsonProperty("refresh_token") String refreshToken) {}

  /** For example {@code {"error": "invalid_grant", "error_description": "Bad Request"}}. */
  record ErrorBody(
      @JsonProperty("error") String error, @JsonProperty("error_description") String description) {}
}

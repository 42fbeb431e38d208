package dev.nightshift.platform.secret;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Where the key that encrypts secrets at rest comes from: {@code nightshift.secrets.*}. */
@ConfigMapping(prefix = "nightshift.secrets")
public interface SecretsConfig {

  /**
   * A Tink keyset as JSON (AES256-GCM keys; the primary encrypts, every key decrypts), usually from
   * the environment ({@code NIGHTSHIFT_SECRETS_KEYSET}). Takes precedence over the file.
   */
  Optional<String> keyset();

  /**
   * Without {@code keyset}: the keyset file, created with a fresh key on first use (owner-only
   * permissions). Back it up with the database: secrets cannot be read without it.
   */
  @WithDefault("${user.home}/.nightshift/secrets-keyset.json")
  Path keysetFile();
}

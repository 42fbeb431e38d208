package dev.nightshift.platform.secret;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * Encrypts secrets for storage with Tink's AEAD (AES256-GCM). Each secret is bound to a context,
 * such as the row it belongs to, so a ciphertext copied to another row does not decrypt. Keysets
 * rotate: add a key, make it primary, and old ciphertexts still open.
 */
@ApplicationScoped
public class SecretBox {

  private static final Logger LOG = Logger.getLogger(SecretBox.class);

  private final SecretsConfig config;
  private volatile Aead aead;

  SecretBox(SecretsConfig config) {
    this.config = config;
  }

  /** The secret encrypted for {@code context}, as Base64 text. */
  public String seal(String secret, String context) {
    try {
      byte[] sealed =
          aead()
              .encrypt(
                  secret.getBytes(StandardCharsets.UTF_8),
                  context.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(sealed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not encrypt a secret", e);
    }
  }

  /**
   * The secret that {@link #seal} encrypted for {@code context}.
   *
   * @throws IllegalStateException when it was sealed for another context or with an unknown key
   */
  public String open(String sealed, String context) {
    try {
      byte[] secret =
          aead()
              .decrypt(
                  Base64.getDecoder().decode(sealed), context.getBytes(StandardCharsets.UTF_8));
      return new String(secret, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "Could not decrypt a secret: wrong context, or a key missing from the keyset", e);
    }
  }

  private Aead aead() {
    var current = aead;
    if (current == null) {
      synchronized (this) {
        if (aead == null) {
          aead = load();
        }
        current = aead;
      }
    }
    return current;
  }

  private Aead load() {
    try {
      AeadConfig.register();
      String json = config.keyset().orElseGet(() -> fromFile(config.keysetFile()));
      var keyset = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
      return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The secrets keyset is not a valid Tink AEAD keyset", e);
    }
  }

  private static String fromFile(Path file) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file);
      }
      var keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
      String json =
          TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, json);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        LOG.debugf("No POSIX permissions on %s", file);
      }
      LOG.warnf(
          "Created a new secrets keyset in %s: back it up with the database, or set"
              + " NIGHTSHIFT_SECRETS_KEYSET",
          file);
      return json;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read or create the secrets keyset " + file, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not generate a secrets keyset", e);
    }
  }
}

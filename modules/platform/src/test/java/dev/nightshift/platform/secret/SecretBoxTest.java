package dev.nightshift.platform.secret;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

  @TempDir Path dir;

  @BeforeAll
  static void register() throws Exception {
    AeadConfig.register();
  }

  @Test
  void aSealedSecretOpensOnlyForItsContext() {
    var box = new SecretBox(config(null, dir.resolve("keyset.json")));

    String sealed = box.seal("access-sandbox-123", "bank_connections:1");

    assertThat(sealed, not(containsString("access-sandbox")));
    assertThat(box.open(sealed, "bank_connections:1"), equalTo("access-sandbox-123"));
    assertThrows(IllegalStateException.class, () -> box.open(sealed, "bank_connections:2"));
  }

  @Test
  void theKeysetFileIsCreatedOwnerOnlyAndReused() throws Exception {
    var file = dir.resolve("nested/keyset.json");
    String sealed = new SecretBox(config(null, file)).seal("s", "c");

    assertThat(
        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), equalTo("rw-------"));
    assertThat(new SecretBox(config(null, file)).open(sealed, "c"), equalTo("s"));
  }

  @Test
  void aRotatedKeysetStillOpensWhatTheOldKeySealed() throws Exception {
    var old = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    String sealed = new SecretBox(config(json(old), dir.resolve("unused"))).seal("token", "ctx");

    var rotated =
        KeysetHandle.newBuilder(old)
            .addEntry(
                KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                    .withRandomId()
                    .makePrimary())
            .build();
    var box = new SecretBox(config(json(rotated), dir.resolve("unused")));

    assertThat(box.open(sealed, "ctx"), equalTo("token"));
    var fresh = box.seal("token", "ctx");
    assertThrows(
        IllegalStateException.class,
        () -> new SecretBox(config(json(old), dir.resolve("unused"))).open(fresh, "ctx"));
  }

  private static String json(KeysetHandle keyset) throws Exception {
    return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
  }

  private static SecretsConfig config(String keyset, Path file) {
    return new SecretsConfig() {
      @Override
      public Optional<String> keyset() {
        return Optional.ofNullable(keyset);
      }

      @Override
      public Path keysetFile() {
        return file;
      }
    };
  }
}

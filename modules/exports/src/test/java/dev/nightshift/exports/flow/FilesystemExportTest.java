package dev.nightshift.exports.flow;

import dev.nightshift.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Exports into the default vault: a directory beside the blobs. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class FilesystemExportTest extends ExportContract {

  @ConfigProperty(name = "nightshift.blobs.filesystem.root")
  Path root;

  @Override
  List<String> unfinishedWrites() throws Exception {
    var tmp = root.resolve("vault-tmp");
    if (!Files.isDirectory(tmp)) {
      return List.of();
    }
    try (var files = Files.list(tmp)) {
      return files.map(Path::toString).toList();
    }
  }
}

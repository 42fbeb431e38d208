package dev.nightshift.app;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Flyway versions cannot collide between modules (docs/adr/0003-schema-per-module.md): every
 * migration on the classpath sits in its module's folder and carries its module's major version.
 */
class MigrationLayoutTest {

  private static final Map<String, Integer> MAJOR_BY_MODULE =
      Map.of(
          "platform", 1,
          "engine", 2,
          "transactions", 3,
          "inbox", 4,
          "exports", 5,
          "calendar", 6,
          "webhooks", 7,
          "selftest", 9);

  private static final Pattern NAME = Pattern.compile("V(\\d+)_(\\d{3})__[a-z0-9_]+\\.sql");

  @Test
  void everyMigrationFollowsItsModulesVersioning() throws Exception {
    var problems = new ArrayList<String>();
    var versions = new HashMap<String, String>();
    var files = migrations();
    assertThat(
        "the platform's migrations are on the classpath",
        files,
        hasItem("platform/V1_001__teams_and_api_keys.sql"));
    for (String file : files) {
      String[] parts = file.split("/");
      Integer major = MAJOR_BY_MODULE.get(parts[0]);
      var name = NAME.matcher(parts[parts.length - 1]);
      if (parts.length != 2 || major == null) {
        problems.add(
            file + ": not in db/migration/<module>/ of a known module " + MAJOR_BY_MODULE.keySet());
      } else if (!name.matches()) {
        problems.add(file + ": not named V<major>_<NNN>__<lowercase_description>.sql");
      } else if (Integer.parseInt(name.group(1)) != major) {
        problems.add(file + ": module " + parts[0] + " owns major version " + major);
      } else if (versions.putIfAbsent(name.group(1) + "." + name.group(2), file) != null) {
        problems.add(
            file + ": same version as " + versions.get(name.group(1) + "." + name.group(2)));
      }
    }
    assertThat(problems, empty());
  }

  /** Paths below db/migration/ in every classpath entry, directories and jars alike. */
  private static List<String> migrations() throws IOException, URISyntaxException {
    var found = new ArrayList<String>();
    for (var url :
        Collections.list(MigrationLayoutTest.class.getClassLoader().getResources("db/migration"))) {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          collect(jar.provider().getPath(uri), found);
        }
      } else {
        collect(Path.of(uri), found);
      }
    }
    return found;
  }

  private static void collect(Path root, List<String> found) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(Files::isRegularFile)
          .forEach(f -> found.add(root.relativize(f).toString().replace('\\', '/')));
    }
  }
}

package dev.nightshift.platform.blob;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every {@link Vault} promises, bound to each implementation by a subclass. */
abstract class VaultContract {

  /** The part size the vault under test uploads in, where it uploads in parts: S3's minimum. */
  static final int PART = 5 * 1024 * 1024;

  static final String PATH = "exports/team-1/export-7.zip";

  /** The vault under test, empty at the start of each test. */
  abstract Vault vault();

  /** What unfinished writes left in the storage, seen behind the vault's back. */
  abstract List<String> unfinished() throws Exception;

  @Test
  void aFileOfSeveralPartsIsReadBackWhole() throws Exception {
    byte[] content = random(12 * 1024 * 1024);

    long size;
    try (var writer = vault().create(PATH)) {
      // As a ZipOutputStream writes: chunks, single bytes, and a close of the output at the end.
      try (var out = writer.output()) {
        out.write(content[0]);
        for (int offset = 1; offset < content.length; offset += 64 * 1024) {
          out.write(content, offset, Math.min(64 * 1024, content.length - offset));
        }
      }
      size = writer.commit();
    }

    assertThat(size, equalTo((long) content.length));
    assertThat(vault().size(PATH), equalTo(OptionalLong.of(content.length)));
    assertArrayEquals(content, read(PATH));
    assertThat(unfinished(), empty());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, PART, 2 * PART})
  void filesAtPartBoundariesAreReadBackWhole(int length) throws Exception {
    byte[] content = random(length);

    try (var writer = vault().create(PATH)) {
      writer.output().write(content);
      assertThat(writer.commit(), equalTo((long) length));
    }

    assertArrayEquals(content, read(PATH));
    assertThat(unfinished(), empty());
  }

  @Test
  void nothingIsVisibleBeforeTheCommit() throws Exception {
    try (var writer = vault().create(PATH)) {
      writer.output().write(random(PART + 1024));

      assertThat(vault().size(PATH), equalTo(OptionalLong.empty()));
      assertThrows(NoSuchBlobException.class, () -> vault().open(PATH));

      writer.commit();
    }

    assertThat(vault().size(PATH), equalTo(OptionalLong.of(PART + 1024)));
  }

  @Test
  void aWriterClosedWithoutACommitLeavesNothing() throws Exception {
    try (var writer = vault().create(PATH)) {
      writer.output().write(random(PART + 1024));
    }

    assertThat(vault().size(PATH), equalTo(OptionalLong.empty()));
    assertThrows(NoSuchBlobException.class, () -> vault().open(PATH));
    assertThat(unfinished(), empty());
  }

  @Test
  void aCommitReplacesTheEarlierFile() throws Exception {
    write(PATH, "first");

    try (var writer = vault().create(PATH)) {
      writer.output().write(bytes("second"));
      assertThat(text(PATH), equalTo("first"));
      writer.commit();
    }

    assertThat(text(PATH), equalTo("second"));
    assertThat(vault().size(PATH), equalTo(OptionalLong.of(6)));
  }

  @Test
  void creatingAPathAgainDiscardsWhatAnAbandonedWriterOfThatPathLeft() throws Exception {
    // A crashed writer: never committed, never closed. So is one of a path that merely starts
    // with this one, which must survive.
    var crashed = vault().create(PATH);
    crashed.output().write(random(PART + 1024));
    var neighbour = vault().create(PATH + ".old");
    neighbour.output().write(random(PART + 1024));
    assertThat(unfinished(), hasSize(2));

    write(PATH, "retried");

    assertThat(unfinished(), hasSize(1));
    neighbour.close();
    assertThat(unfinished(), empty());
    // Should the crashed writer come back after all, it cannot touch the retry's file.
    crashed.close();
    assertThat(text(PATH), equalTo("retried"));
    assertThat(vault().size(PATH + ".old"), equalTo(OptionalLong.empty()));
  }

  @Test
  void anInterruptedThreadStillDiscardsItsWriterOnClose() throws Exception {
    var failure = new AtomicReference<Throwable>();
    var interruptedAfterClose = new AtomicBoolean();
    // As a canceled run: on a virtual thread, interrupted by the engine in the middle of a write.
    var run =
        Thread.ofVirtual()
            .start(
                () -> {
                  try (var writer = vault().create(PATH)) {
                    writer.output().write(random(PART + 1024));
                    Thread.currentThread().interrupt();
                    try {
                      writer.output().write(random(PART));
                    } catch (IOException canceled) {
                      // An interrupted write may fail; the point is what close() does next.
                    }
                    // A failed call may have consumed the flag: the close must face it set.
                    Thread.currentThread().interrupt();
                  } catch (Throwable e) {
                    failure.set(e);
                  }
                  interruptedAfterClose.set(Thread.currentThread().isInterrupted());
                });
    run.join();

    assertThat(failure.get(), equalTo(null));
    assertThat("the interrupt is kept for the caller", interruptedAfterClose.get());
    assertThat(vault().size(PATH), equalTo(OptionalLong.empty()));
    assertThat(unfinished(), empty());
  }

  @Test
  void aDoneWriterRefusesMore() throws Exception {
    var writer = vault().create(PATH);
    writer.output().write(bytes("done"));
    writer.commit();

    assertThrows(IOException.class, () -> writer.output().write(bytes("more")));
    assertThrows(IllegalStateException.class, writer::commit);
    writer.close();

    assertThat(text(PATH), equalTo("done"));
  }

  @Test
  void aMissingFileIsNoSuchBlobAndHasNoSize() throws Exception {
    var missing = assertThrows(NoSuchBlobException.class, () -> vault().open(PATH));

    assertThat(missing.getMessage(), containsString(PATH));
    assertThat(vault().size(PATH), equalTo(OptionalLong.empty()));
  }

  @Test
  void aDeletedFileIsGoneAndDeletingAgainIsNoError() throws Exception {
    write(PATH, "content");

    vault().delete(PATH);
    vault().delete(PATH);

    assertThat(vault().size(PATH), equalTo(OptionalLong.empty()));
    assertThrows(NoSuchBlobException.class, () -> vault().open(PATH));
  }

  @Test
  void aDirectoryOfFilesIsNoFile() throws Exception {
    write(PATH, "content");

    assertThat(vault().size("exports/team-1"), equalTo(OptionalLong.empty()));
    assertThrows(NoSuchBlobException.class, () -> vault().open("exports/team-1"));
    vault().delete("exports/team-1");
    assertThat(text(PATH), equalTo("content"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ".",
        "..",
        "/exports/a.zip",
        "exports/a.zip/",
        "exports//a.zip",
        "./exports/a.zip",
        "exports/../../../etc/passwd",
        "exports/a b.zip",
        "exports\\a.zip",
        "exports/é.zip",
        "exports/a.zip\n",
        "s3://bucket/a.zip"
      })
  void aPathOutsideTheRulesIsRefusedByEveryMethod(String path) {
    for (var call : List.<VaultCall>of(vault()::create, vault()::open, vault()::size)) {
      var refused = assertThrows(IllegalArgumentException.class, () -> call.on(path));
      assertThat(refused.getMessage(), containsString(path));
    }
    assertThrows(IllegalArgumentException.class, () -> vault().delete(path));
  }

  @Test
  void aPathMayHave512CharactersInSegmentsOf255() throws Exception {
    String segment = "a".repeat(255);
    String longest = "exports/" + segment + "/" + "b".repeat(512 - 8 - 256);

    write(longest, "content");

    assertThat(longest.length(), equalTo(512));
    assertThat(text(longest), equalTo("content"));
    assertThrows(IllegalArgumentException.class, () -> vault().create(longest + "b"));
    assertThrows(IllegalArgumentException.class, () -> vault().create(segment + "a"));
  }

  private interface VaultCall {
    Object on(String path) throws IOException;
  }

  void write(String path, String text) throws IOException {
    try (var writer = vault().create(path)) {
      writer.output().write(bytes(text));
      writer.commit();
    }
  }

  byte[] read(String path) throws IOException {
    try (var in = vault().open(path)) {
      return in.readAllBytes();
    }
  }

  String text(String path) throws IOException {
    return new String(read(path), StandardCharsets.UTF_8);
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] random(int length) {
    byte[] content = new byte[length];
    new Random(length).nextBytes(content);
    return content;
  }
}

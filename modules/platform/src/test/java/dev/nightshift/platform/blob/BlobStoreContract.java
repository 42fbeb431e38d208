package dev.nightshift.platform.blob;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every {@link BlobStore} promises, bound to each store by a subclass. */
abstract class BlobStoreContract {

  static final String ABC_KEY = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  static final String EMPTY_KEY =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  /** The store under test, empty at the start of each test. */
  abstract BlobStore store();

  /** How many blobs the storage holds, counted behind the store's back. */
  abstract long storedBlobs() throws Exception;

  /** Temporary files that puts left in their spool directory. */
  abstract List<String> leftovers() throws Exception;

  @Test
  void theKeyIsTheSha256OfTheContent() throws Exception {
    var stored = store().put(bytes("abc"));

    assertThat(stored, equalTo(new StoredBlob(ABC_KEY, 3)));
    assertThat(read(ABC_KEY), equalTo(bytes("abc")));
    assertTrue(store().exists(ABC_KEY));
  }

  @Test
  void theSameContentIsStoredOnce() throws Exception {
    var first = store().put(bytes("invoice 2024-17"));
    var second = store().put(new ByteArrayInputStream(bytes("invoice 2024-17")), 1024);
    var other = store().put(bytes("invoice 2024-18"));

    assertThat(second, equalTo(first));
    assertThat(other.key().equals(first.key()), equalTo(false));
    assertThat(storedBlobs(), equalTo(2L));
  }

  @Test
  void emptyContentIsABlobToo() throws Exception {
    assertThat(store().put(new byte[0]), equalTo(new StoredBlob(EMPTY_KEY, 0)));
    assertThat(read(EMPTY_KEY).length, equalTo(0));
  }

  @Test
  void largeContentIsStreamedThroughIntact() throws Exception {
    byte[] content = new byte[5 * 1024 * 1024 + 3];
    new Random(7).nextBytes(content);

    var stored = store().put(new ByteArrayInputStream(content), content.length);

    assertThat(stored, equalTo(new StoredBlob(sha256(content), content.length)));
    assertArrayEquals(content, read(stored.key()));
    assertThat(leftovers(), empty());
  }

  @Test
  void contentOfExactlyTheLimitIsAccepted() throws Exception {
    var stored = store().put(new ByteArrayInputStream(bytes("0123456789")), 10);

    assertThat(stored.size(), equalTo(10L));
  }

  @Test
  void contentPastTheLimitIsRefusedAndLeavesNothing() throws Exception {
    byte[] content = new byte[1024 * 1024];
    var stream = new CountingStream(content);

    var refused = assertThrows(BlobTooLargeException.class, () -> store().put(stream, 10));

    assertThat(refused.limit(), equalTo(10L));
    assertThat(stream.read, lessThanOrEqualTo(11L));
    assertFalse(store().exists(sha256(content)));
    assertThat(storedBlobs(), equalTo(0L));
    assertThat(leftovers(), empty());
  }

  @Test
  void aStreamThatFailsLeavesNothing() throws Exception {
    var failure = new IOException("connection reset by the uploader");
    var stream =
        new InputStream() {
          int served;

          @Override
          public int read() throws IOException {
            if (served++ >= 100_000) {
              throw failure;
            }
            return 'x';
          }
        };

    var thrown = assertThrows(IOException.class, () -> store().put(stream, 1_000_000));

    assertThat(thrown, sameInstance(failure));
    assertThat(storedBlobs(), equalTo(0L));
    assertThat(leftovers(), empty());
  }

  @Test
  void aMissingBlobIsNoSuchBlob() throws Exception {
    assertThrows(NoSuchBlobException.class, () -> store().open(ABC_KEY));
    assertFalse(store().exists(ABC_KEY));
  }

  @Test
  void aDeletedBlobIsGoneAndDeletingAgainIsNoError() throws Exception {
    store().put(bytes("abc"));

    store().delete(ABC_KEY);
    store().delete(ABC_KEY);

    assertFalse(store().exists(ABC_KEY));
    assertThrows(NoSuchBlobException.class, () -> store().open(ABC_KEY));
    assertThat(storedBlobs(), equalTo(0L));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "..",
        "../../../../etc/passwd",
        "tmp",
        "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad0",
        "ba/../../../../../../../../../../../../../../../../../etc/passwd0",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a\n"
      })
  void aStringThatIsNotAKeyNamesNoBlob(String notAKey) throws Exception {
    store().put(bytes("abc"));

    assertThrows(NoSuchBlobException.class, () -> store().open(notAKey));
    assertFalse(store().exists(notAKey));
    store().delete(notAKey);
    assertTrue(store().exists(ABC_KEY));
  }

  @Test
  void concurrentPutsOfTheSameContentAllSucceedWithOneBlob() throws Exception {
    byte[] content = new byte[256 * 1024];
    new Random(11).nextBytes(content);
    int puts = 8;
    var start = new CountDownLatch(1);
    List<Future<StoredBlob>> results = new ArrayList<>();
    try (var threads = Executors.newFixedThreadPool(puts)) {
      for (int i = 0; i < puts; i++) {
        results.add(
            threads.submit(
                () -> {
                  start.await();
                  return store().put(new ByteArrayInputStream(content), content.length);
                }));
      }
      start.countDown();
      for (var result : results) {
        assertThat(result.get(), equalTo(new StoredBlob(sha256(content), content.length)));
      }
    }

    assertArrayEquals(content, read(sha256(content)));
    assertThat(storedBlobs(), equalTo(1L));
    assertThat(leftovers(), empty());
  }

  byte[] read(String key) throws IOException {
    try (var in = store().open(key)) {
      return in.readAllBytes();
    }
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String sha256(byte[] content) {
    var digest = BlobKey.digest();
    digest.update(content);
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Counts what the store takes from it, to show that a refused put stops reading. */
  private static final class CountingStream extends ByteArrayInputStream {
    long read;

    CountingStream(byte[] content) {
      super(content);
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) {
      int n = super.read(buffer, offset, length);
      read += Math.max(n, 0);
      return n;
    }

    @Override
    public synchronized int read() {
      int b = super.read();
      read += b == -1 ? 0 : 1;
      return b;
    }
  }
}

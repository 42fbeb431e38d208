package dev.nightshift.exports.archive;

import dev.nightshift.contracts.inbox.TransactionAttachment;
import dev.nightshift.contracts.inbox.TransactionAttachments;
import dev.nightshift.contracts.transactions.ExportedTransaction;
import dev.nightshift.contracts.transactions.TransactionExports;
import dev.nightshift.contracts.transactions.TransactionPosition;
import dev.nightshift.exports.config.ExportsConfig;
import dev.nightshift.exports.csv.TransactionRows;
import dev.nightshift.exports.export.Export;
import dev.nightshift.exports.export.Progress;
import dev.nightshift.platform.blob.BlobStore;
import dev.nightshift.platform.blob.NoSuchBlobException;
import dev.nightshift.platform.blob.Vault;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an export's archive into the vault as one stream: the transactions page by page into
 * {@code transactions.csv}, and each one's documents into {@code attachments/}. Memory holds one
 * page of transactions and a few buffers, whatever the export's size: the ZIP goes straight to the
 * vault, and with attachments the CSV waits in a temporary file until they are packed (a ZIP entry
 * must be written whole, and only packing a document tells whether it can still be read).
 *
 * <p>Pages are read ahead on a virtual thread ({@link PagesAhead}) while earlier ones are written,
 * so the database and the CSV and deflate work overlap. Nothing is visible in the vault until the
 * archive is complete; a cancellation or failure discards it.
 */
@ApplicationScoped
public class Archiver {

  public static final String CSV_ENTRY = "transactions.csv";

  private static final int BUFFER = 64 * 1024;

  /** Pages read ahead of the writer: memory holds at most this many more pages. */
  private static final int PAGES_AHEAD = 3;

  private final TransactionExports transactions;
  private final TransactionAttachments attachments;
  private final BlobStore blobs;
  private final Vault vault;
  private final ExportsConfig config;

  Archiver(
      TransactionExports transactions,
      TransactionAttachments attachments,
      BlobStore blobs,
      Vault vault,
      ExportsConfig config) {
    this.transactions = transactions;
    this.attachments = attachments;
    this.blobs = blobs;
    this.vault = vault;
    this.config = config;
  }

  /**
   * Writes the archive of {@code export} to its path in the vault, replacing what an earlier
   * attempt left there.
   *
   * @return what was written; {@code bytes} is the archive's size
   * @throws CancellationException when {@code cancelled} turned true; nothing is left in the vault
   */
  public Progress write(Export export, ProgressListener listener, BooleanSupplier cancelled)
      throws IOException, InterruptedException {
    try (var writer = vault.create(export.archivePath())) {
      var counted = new CountingOutputStream(writer.output());
      var zip =
          new ZipOutputStream(new BufferedOutputStream(counted, BUFFER), StandardCharsets.UTF_8);
      var packing = new Packing(export, zip, counted, listener, cancelled);
      Path spool = null;
      try {
        Writer csv;
        if (export.options().includeAttachments()) {
          spool = Files.createTempFile("nightshift-export-", ".csv");
          csv = Files.newBufferedWriter(spool, StandardCharsets.UTF_8);
        } else {
          packing.startEntry(CSV_ENTRY, config.compressionLevel());
          csv = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), BUFFER);
        }
        var rows = new TransactionRows(csv, export.options());
        packing.writeRows(rows);
        rows.flush();
        if (spool != null) {
          csv.close();
          packing.startEntry(CSV_ENTRY, config.compressionLevel());
          Files.copy(spool, zip);
        }
        zip.closeEntry();
        zip.finish();
        zip.flush();
        long size = writer.commit();
        return packing.done(size);
      } finally {
        if (spool != null) {
          Files.deleteIfExists(spool);
        }
      }
    }
  }

  /** One archive being written: its streams and counters. */
  private final class Packing {

    private final Export export;
    private final ZipOutputStream zip;
    private final CountingOutputStream counted;
    private final ProgressListener listener;
    private final BooleanSupplier cancelled;
    private long rows;
    private int packed;
    private int missing;

    Packing(
        Export export,
        ZipOutputStream zip,
        CountingOutputStream counted,
        ProgressListener listener,
        BooleanSupplier cancelled) {
      this.export = export;
      this.zip = zip;
      this.counted = counted;
      this.listener = listener;
      this.cancelled = cancelled;
    }

    void writeRows(TransactionRows out) throws IOException, InterruptedException {
      int size = config.pageSize();
      try (var pages = new PagesAhead(after -> page(after, size), size, PAGES_AHEAD)) {
        for (var page = pages.next(); !page.isEmpty(); page = pages.next()) {
          var files = attachmentsOf(page);
          for (var transaction : page) {
            if (cancelled.getAsBoolean()) {
              throw new CancellationException("Export " + export.id() + " was canceled");
            }
            rows++;
            var linked = files.getOrDefault(transaction.id(), List.of());
            if (linked.isEmpty()) {
              out.write(transaction, List.of(), List.of());
            } else {
              writeWithFiles(out, transaction, linked);
            }
          }
          listener.progressed(new Progress(rows, packed, missing, counted.count()));
        }
      }
    }

    private void writeWithFiles(
        TransactionRows out, ExportedTransaction transaction, List<TransactionAttachment> linked)
        throws IOException {
      var names = new ArrayList<String>(linked.size());
      var absent = new ArrayList<String>(0);
      for (int i = 0; i < linked.size(); i++) {
        var file = linked.get(i);
        var name =
            AttachmentNames.of(transaction.amount(), file.fileName(), file.contentType(), rows, i);
        try (var content = blobs.open(file.blobKey())) {
          startEntry(name, AttachmentCompression.levelFor(file.contentType()));
          content.transferTo(zip);
          zip.closeEntry();
          names.add(name);
          packed++;
        } catch (NoSuchBlobException e) {
          absent.add(file.fileName());
          missing++;
        }
      }
      out.write(transaction, names, absent);
    }

    private List<ExportedTransaction> page(TransactionPosition after, int size) {
      return transactions.page(export.teamId(), export.selection(), after, size);
    }

    private Map<UUID, List<TransactionAttachment>> attachmentsOf(List<ExportedTransaction> page) {
      if (!export.options().includeAttachments()) {
        return Map.of();
      }
      var ids = page.stream().map(ExportedTransaction::id).toList();
      var byTransaction = new HashMap<UUID, List<TransactionAttachment>>();
      for (var file : attachments.of(export.teamId(), ids)) {
        byTransaction.computeIfAbsent(file.transactionId(), id -> new ArrayList<>()).add(file);
      }
      return byTransaction;
    }

    /**
     * A new entry; its time is the export's, so every attempt of one export writes the same bytes.
     */
    void startEntry(String name, int level) throws IOException {
      zip.setLevel(level);
      var entry = new ZipEntry(name);
      entry.setTime(export.createdAt().toEpochMilli());
      zip.putNextEntry(entry);
    }

    Progress done(long size) {
      return new Progress(rows, packed, missing, size);
    }
  }
}

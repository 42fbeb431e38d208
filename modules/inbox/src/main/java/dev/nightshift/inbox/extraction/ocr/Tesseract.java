package dev.nightshift.inbox.extraction.ocr;

import dev.nightshift.inbox.extraction.UnreadableDocumentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Tesseract command line, run as a process: no JNI, so nothing stands in the way of a native
 * image, and a crash in Tesseract cannot take the JVM down.
 */
final class Tesseract {

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

  private final String command;
  private final String languages;
  private final Duration timeout;
  private final List<String> missingLanguages;
  private final String unavailable;

  private Tesseract(
      OcrConfig config, String languages, List<String> missingLanguages, String unavailable) {
    this.command = config.command();
    this.timeout = config.timeout();
    this.languages = languages;
    this.missingLanguages = missingLanguages;
    this.unavailable = unavailable;
  }

  /** Asks the command which language packs it has; a missing command makes it unavailable. */
  static Tesseract probe(OcrConfig config) {
    List<String> wanted = Arrays.asList(config.languages().split("\\+"));
    List<String> installed;
    try {
      installed = installedLanguages(config.command());
    } catch (IOException e) {
      return new Tesseract(config, "", wanted, config.command() + " was not found");
    }
    List<String> usable = wanted.stream().filter(installed::contains).toList();
    List<String> missing = wanted.stream().filter(l -> !installed.contains(l)).toList();
    if (usable.isEmpty()) {
      return new Tesseract(
          config,
          "",
          missing,
          "none of the language packs " + config.languages() + " is installed");
    }
    return new Tesseract(config, String.join("+", usable), missing, null);
  }

  /** Why OCR cannot run, when it cannot. */
  Optional<String> unavailable() {
    return Optional.ofNullable(unavailable);
  }

  List<String> missingLanguages() {
    return missingLanguages;
  }

  /**
   * The text of one image file.
   *
   * @throws UnreadableDocumentException when Tesseract cannot decode the image
   * @throws OcrFailedException when it times out or fails otherwise
   */
  String read(Path image) throws UnreadableDocumentException {
    Path out = image.resolveSibling(image.getFileName() + ".txt");
    Path err = image.resolveSibling(image.getFileName() + ".err");
    var process =
        new ProcessBuilder(
            command,
            image.toString(),
            "stdout",
            "-l",
            languages,
            // One column of lines of varying size: the default page segmentation splits a row into
            // blocks, and the label "Total" ends up far from its amount.
            "--psm",
            "4",
            // Keeps column gaps as runs of spaces, which tell a name from the text beside it.
            "-c",
            "preserve_interword_spaces=1");
    // One thread per page: the worker reads several documents at once, and OpenMP threads in each
    // Tesseract would fight over the same cores.
    process.environment().put("OMP_THREAD_LIMIT", "1");
    process.redirectOutput(out.toFile()).redirectError(err.toFile());
    try {
      Process running = process.start();
      if (!running.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        running.destroyForcibly();
        throw new OcrFailedException("tesseract took longer than " + timeout);
      }
      if (running.exitValue() != 0) {
        String errors = Files.readString(err, StandardCharsets.UTF_8).strip();
        if (errors.contains("pixRead") || errors.contains("cannot be read")) {
          throw new UnreadableDocumentException("the image is corrupt");
        }
        throw new OcrFailedException(
            "tesseract exited with " + running.exitValue() + ": " + lastLine(errors));
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new OcrFailedException("tesseract could not be run: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OcrFailedException("interrupted while tesseract was reading", e);
    }
  }

  private static List<String> installedLanguages(String command) throws IOException {
    Process process = new ProcessBuilder(command, "--list-langs").redirectErrorStream(true).start();
    try {
      if (!process.waitFor(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IOException(command + " --list-langs did not answer");
      }
      var languages = new ArrayList<String>();
      // The first line is a heading: "List of available languages in ... (7):".
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      output.lines().skip(1).map(String::strip).filter(l -> !l.isEmpty()).forEach(languages::add);
      return languages;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking " + command + " for its languages", e);
    }
  }

  private static String lastLine(String text) {
    return text.lines().reduce((a, b) -> b).orElse("no message");
  }
}

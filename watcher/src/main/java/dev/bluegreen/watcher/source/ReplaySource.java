package dev.bluegreen.watcher.source;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Feeds existing logs to a {@link LineSink}, in the order given: plain files, {@code .gz} files as
 * logrotate leaves them, or {@code -} for standard input.
 */
public final class ReplaySource {
  /** Names standard input among the files. */
  public static final String STDIN = "-";

  private final InputStream stdin;

  public ReplaySource(InputStream stdin) {
    this.stdin = stdin;
  }

  /** Fails before reading anything when a file cannot be opened, so a typo costs no replay. */
  public void checkReadable(List<String> files) {
    for (String file : files) {
      if (file.equals(STDIN)) {
        continue;
      }
      Path path = Path.of(file);
      if (!Files.exists(path)) {
        throw new ReplayException("cannot read " + file + ": no such file");
      }
      if (Files.isDirectory(path)) {
        throw new ReplayException("cannot read " + file + ": it is a directory");
      }
      if (!Files.isReadable(path) || refusesToOpen(path)) {
        throw new ReplayException("cannot read " + file + ": permission denied");
      }
    }
  }

  /**
   * Whether opening a regular file is refused though its permissions allow it: root passes every
   * permission check, but a file may still refuse it (a write-only kernel file, a security module).
   * A FIFO is not opened here: its writer would see this reader leave.
   */
  private static boolean refusesToOpen(Path path) {
    if (!Files.isRegularFile(path)) {
      return false;
    }
    try (FileChannel ignored = FileChannel.open(path, StandardOpenOption.READ)) {
      return false;
    } catch (AccessDeniedException refused) {
      return true;
    } catch (IOException other) {
      return false; // the replay itself reports it, with its reason
    }
  }

  /**
   * Reads every file to its end into {@code sink}, announcing each with {@link LineSink#startFile}
   * and calling {@code afterRead} after each chunk read (for progress reports); throws {@link
   * ReplayException}. The caller decides what the end of the input means (the pipeline's finish).
   */
  public void replay(List<String> files, LineSink sink, Runnable afterRead) {
    checkReadable(files);
    for (String file : files) {
      sink.startFile(file);
      try (InputStream in = open(file)) {
        LineReader.read(in, sink, afterRead);
      } catch (NoSuchFileException gone) {
        throw new ReplayException("cannot read " + file + ": no such file");
      } catch (AccessDeniedException refused) {
        throw new ReplayException("cannot read " + file + ": permission denied");
      } catch (IOException | UncheckedIOException e) {
        throw new ReplayException("error reading " + file + ": " + reason(e));
      }
    }
  }

  /** What went wrong; a truncated .gz throws an EOFException without a message. */
  private static String reason(Exception e) {
    if (e.getMessage() != null) {
      return e.getMessage();
    }
    return e instanceof EOFException
        ? "unexpected end of file (truncated?)"
        : e.getClass().getSimpleName();
  }

  private InputStream open(String file) throws IOException {
    if (file.equals(STDIN)) {
      return new NonClosing(stdin);
    }
    InputStream in = Files.newInputStream(Path.of(file));
    if (file.endsWith(".gz")) {
      return new GZIPInputStream(in, 64 * 1024);
    }
    return in;
  }

  /** Leaves standard input open for whoever owns it. */
  private static final class NonClosing extends BufferedInputStream {
    NonClosing(InputStream in) {
      super(in, 64 * 1024);
    }

    @Override
    public void close() {}
  }

  /** A log that could not be read; the message names the file and the reason. */
  public static final class ReplayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReplayException(String message) {
      super(message, null, false, false);
    }
  }
}

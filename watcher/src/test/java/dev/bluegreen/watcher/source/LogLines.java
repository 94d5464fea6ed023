package dev.bluegreen.watcher.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** Numbered lines written to real log files, the follower tests' one way to make a log. */
final class LogLines {
  private LogLines() {}

  /** {@code prefix + from} up to {@code prefix + (to - 1)}. */
  static List<String> numbered(String prefix, int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> prefix + i).toList();
  }

  /** The same lines as text, each ending in a newline. */
  static String lines(String prefix, int from, int to) {
    return String.join("\n", numbered(prefix, from, to)) + "\n";
  }

  /** Appends {@code lines}, each ending in a newline, creating the file if needed. */
  static void append(Path file, List<String> lines) throws IOException {
    append(file, String.join("\n", lines) + "\n");
  }

  /** Appends {@code text} as it is, creating the file if needed. */
  static void append(Path file, String text) throws IOException {
    Files.writeString(
        file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  @SafeVarargs
  static List<String> concat(List<String>... parts) {
    return Arrays.stream(parts).flatMap(List::stream).toList();
  }
}

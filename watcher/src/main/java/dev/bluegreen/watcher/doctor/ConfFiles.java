package dev.bluegreen.watcher.doctor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the text of nginx.conf and of the files it includes comes from: the output of {@code nginx
 * -T} (every file after a {@code # configuration file PATH:} header), or the disk. An include
 * pattern is an absolute path, possibly with a glob; files come back sorted by path, as Nginx reads
 * them.
 */
public interface ConfFiles {
  /** One configuration file: its path and its text. */
  record ConfText(String path, String text) {}

  /** The files {@code pattern} names (a path or a glob); none when nothing matches. */
  List<ConfText> find(String pattern);

  /** The header {@code nginx -T} prints before each file. */
  Pattern HEADER = Pattern.compile("(?m)^# configuration file (.+):\\r?$");

  /**
   * The files of an {@code nginx -T} dump, the main file first; empty if it holds no header (not
   * the output of {@code -T}).
   */
  static Map<String, String> splitDump(String dump) {
    Map<String, String> files = new LinkedHashMap<>();
    Matcher header = HEADER.matcher(dump);
    String path = null;
    int start = 0;
    while (header.find()) {
      if (path != null) {
        files.putIfAbsent(path, dump.substring(start, header.start()));
      }
      path = header.group(1);
      start = header.end();
      // the file starts on the next line, so that its line numbers are its own
      if (dump.startsWith("\r\n", start)) {
        start += 2;
      } else if (dump.startsWith("\n", start)) {
        start++;
      }
    }
    if (path != null) {
      files.putIfAbsent(path, dump.substring(start));
    }
    return files;
  }

  /** The files of a dump ({@link #splitDump}); nothing is read from the disk. */
  static ConfFiles ofDump(Map<String, String> files) {
    return pattern -> {
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
      List<ConfText> found = new ArrayList<>();
      files.forEach(
          (path, text) -> {
            if (path.equals(pattern) || matcher.matches(Path.of(path))) {
              found.add(new ConfText(path, text));
            }
          });
      found.sort((a, b) -> a.path().compareTo(b.path()));
      return found;
    };
  }

  /** The files on this machine's disk; throws {@link UncheckedIOException} if one is unreadable. */
  static ConfFiles onDisk() {
    return pattern -> {
      try {
        Path path = Path.of(pattern);
        if (!pattern.contains("*") && !pattern.contains("?") && !pattern.contains("[")) {
          return Files.isRegularFile(path)
              ? List.of(new ConfText(pattern, Files.readString(path, StandardCharsets.UTF_8)))
              : List.of();
        }
        Path dir = path.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
          return List.of();
        }
        List<ConfText> found = new ArrayList<>();
        try (DirectoryStream<Path> entries =
            Files.newDirectoryStream(dir, path.getFileName().toString())) {
          for (Path entry : entries) {
            if (Files.isRegularFile(entry)) {
              found.add(
                  new ConfText(entry.toString(), Files.readString(entry, StandardCharsets.UTF_8)));
            }
          }
        }
        found.sort((a, b) -> a.path().compareTo(b.path()));
        return found;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}

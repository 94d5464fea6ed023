package dev.bluegreen.watcher.doctor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The doctor's reads of this machine: file facts, users' groups, and {@code nginx -T}. */
public final class Host {
  private Host() {}

  /** What the file system says about {@code path} (following links). */
  public static PathFacts facts(Path path) {
    try {
      PosixFileAttributes a = Files.readAttributes(path, PosixFileAttributes.class);
      return new PathFacts(
          path.toString(),
          true,
          a.isRegularFile(),
          a.isDirectory(),
          a.owner().getName(),
          a.group().getName(),
          a.permissions());
    } catch (IOException | UnsupportedOperationException e) {
      return PathFacts.missing(path.toString());
    }
  }

  /** The directories above {@code path}, from the root down. */
  public static List<PathFacts> dirsAbove(Path path) {
    List<PathFacts> dirs = new ArrayList<>();
    for (Path dir = path.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
      dirs.add(0, facts(dir));
    }
    return dirs;
  }

  /** {@code user}'s groups from /etc/passwd and /etc/group, empty when there is no such user. */
  public static Optional<Set<String>> groupsOf(String user) {
    try {
      return groupsOf(
          user,
          Files.readString(Path.of("/etc/passwd"), StandardCharsets.UTF_8),
          Files.readString(Path.of("/etc/group"), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** {@code user}'s primary and supplementary groups as the two files list them. */
  static Optional<Set<String>> groupsOf(String user, String passwd, String group) {
    String gid = null;
    for (String line : passwd.split("\n")) {
      String[] f = line.split(":", -1);
      if (f.length > 3 && f[0].equals(user)) {
        gid = f[3];
      }
    }
    if (gid == null) {
      return Optional.empty();
    }
    Set<String> groups = new HashSet<>();
    for (String line : group.split("\n")) {
      String[] f = line.split(":", -1);
      if (f.length > 3 && (f[2].equals(gid) || List.of(f[3].split(",")).contains(user))) {
        groups.add(f[0]);
      }
    }
    return Optional.of(groups);
  }

  /** What a command printed and how it ended. */
  public record Output(int exitStatus, String out, String err) {}

  /**
   * Runs {@code command} (such as {@code nginx -T}) with no input, for at most {@code seconds};
   * throws {@link UncheckedIOException} if it cannot start or does not end in time.
   */
  public static Output exec(List<String> command, int seconds) {
    try {
      Process process =
          new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
      process.getOutputStream().close();
      CompletableFuture<String> out =
          CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
      CompletableFuture<String> err =
          CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new UncheckedIOException(
            new IOException(String.join(" ", command) + " did not end within " + seconds + " s"));
      }
      return new Output(process.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted", e));
    }
  }

  private static String drain(InputStream in) {
    try (in) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      in.transferTo(bytes);
      return bytes.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}

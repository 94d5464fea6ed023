package dev.bluegreen.watcher;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A file this process cannot read, for the tests of "permission denied": one with no permission,
 * or, as root (who reads anything, as CI runs), a write-only kernel file, which refuses even root.
 */
public final class UnreadableFile {
  private static final Path WRITE_ONLY_KERNEL_FILE = Path.of("/sys/bus/pci/rescan");

  private UnreadableFile() {}

  /** Creates {@code name} in {@code dir} with no permission, or names a file that refuses root. */
  public static Path in(Path dir, String name, String content) throws IOException {
    Path locked = Files.writeString(dir.resolve(name), content);
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    for (Path candidate : List.of(locked, WRITE_ONLY_KERNEL_FILE)) {
      try (FileChannel ignored = FileChannel.open(candidate, StandardOpenOption.READ)) {
        continue; // readable after all
      } catch (AccessDeniedException refused) {
        return candidate;
      } catch (IOException other) {
        continue;
      }
    }
    assumeTrue(false, "no file this process cannot read");
    return null;
  }
}

package dev.bluegreen.watcher.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The secret every mutating admin request carries ({@code Authorization: Bearer TOKEN}): the
 * ADMIN_TOKEN setting, or one generated at the watcher's first start into a 0600 file that {@code
 * watcher ctl} reads. {@link #toString()} masks it; {@link #matches} compares in constant time.
 */
public final class AdminToken {
  /** The token file's name, beside the state file. */
  public static final String FILE_NAME = "admin-token";

  /** Shorter tokens are refused: 16 characters of a password are guessable, 32 random bytes not. */
  public static final int MIN_LENGTH = 16;

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final String value;

  private AdminToken(String value) {
    this.value = value;
  }

  /** A token from a setting or a file; throws IllegalArgumentException when it is unfit. */
  public static AdminToken of(String value) {
    String token = value.strip();
    if (token.length() < MIN_LENGTH || !token.chars().allMatch(c -> c > 32 && c < 127)) {
      throw new IllegalArgumentException(
          "an admin token is at least " + MIN_LENGTH + " printable ASCII characters, no spaces");
    }
    return new AdminToken(token);
  }

  /** 32 random bytes, base64url: 43 characters. */
  public static AdminToken generate() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return new AdminToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /**
   * Where the token file is unless ADMIN_TOKEN_FILE says: beside the state file; without one, in
   * the user's runtime directory ($XDG_RUNTIME_DIR), else in the home directory.
   */
  public static Path defaultFile(Path stateFile, Map<String, String> env) {
    if (stateFile != null) {
      return stateFile.toAbsolutePath().resolveSibling(FILE_NAME);
    }
    String runtime = env.getOrDefault("XDG_RUNTIME_DIR", "");
    Path dir =
        runtime.isBlank()
            ? Path.of(System.getProperty("user.home"), ".bluegreen-watch")
            : Path.of(runtime, "bluegreen-watch");
    return dir.resolve(FILE_NAME);
  }

  /** Reads the token in {@code file}; empty when there is no such file. */
  public static Optional<AdminToken> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(of(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " holds no usable admin token: " + e.getMessage());
    }
  }

  /** What {@link #loadOrCreate} did. */
  public record Loaded(AdminToken token, boolean created, boolean tightened) {}

  /**
   * Reads the token in {@code file}, or writes a new one there (0600, its directory made 0700 if
   * missing, atomically: ctl never reads half a token). A file others could read is made 0600.
   */
  public static Loaded loadOrCreate(Path file) throws IOException {
    Optional<AdminToken> existing = read(file);
    if (existing.isPresent()) {
      return new Loaded(existing.get(), false, ownerOnly(file));
    }
    Path dir = file.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(ownerDir()));
    }
    AdminToken token = generate();
    Path temp = dir.resolve("." + file.getFileName() + ".tmp");
    Files.deleteIfExists(temp);
    Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    Files.writeString(temp, token.value + "\n", StandardCharsets.UTF_8);
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(temp); // another watcher made it first: use that one
      return new Loaded(read(file).orElseThrow(), false, false);
    }
    return new Loaded(token, true, false);
  }

  /** Makes {@code file} 0600; true when it was not. */
  private static boolean ownerOnly(Path file) throws IOException {
    if (Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
      return false;
    }
    Files.setPosixFilePermissions(file, OWNER_ONLY);
    return true;
  }

  private static Set<PosixFilePermission> ownerDir() {
    return PosixFilePermissions.fromString("rwx------");
  }

  /** Whether {@code presented} is this token; in constant time (both are hashed first). */
  public boolean matches(String presented) {
    if (presented == null) {
      return false;
    }
    return MessageDigest.isEqual(sha256(value), sha256(presented));
  }

  /** The token itself: for the Authorization header, nothing else. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "AdminToken[****]";
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}

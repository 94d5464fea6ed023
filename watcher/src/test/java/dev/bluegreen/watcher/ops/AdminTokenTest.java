package dev.bluegreen.watcher.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin token: made once into a 0600 file, found there again, never shown. */
class AdminTokenTest {
  @TempDir Path dir;

  @Test
  void theFirstStartMakesAnOwnerOnlyFileAndLaterStartsReuseIt() throws Exception {
    Path file = dir.resolve("state/admin-token");

    AdminToken.Loaded first = AdminToken.loadOrCreate(file);
    AdminToken.Loaded again = AdminToken.loadOrCreate(file);

    assertThat(first.created()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(again.token().reveal()).isEqualTo(first.token().reveal());
    assertThat(first.token().reveal()).hasSize(43);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(AdminToken.read(file))
        .get()
        .extracting(AdminToken::reveal)
        .isEqualTo(first.token().reveal());
  }

  @Test
  void aTokenFileOthersCouldReadIsMadeOwnerOnly() throws Exception {
    Path file = dir.resolve("admin-token");
    Files.writeString(file, "a-token-set-by-hand-123\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    AdminToken.Loaded loaded = AdminToken.loadOrCreate(file);

    assertThat(loaded.tightened()).isTrue();
    assertThat(loaded.token().reveal()).isEqualTo("a-token-set-by-hand-123");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void theTokenFileLivesBesideTheStateFile() {
    assertThat(AdminToken.defaultFile(Path.of("/var/lib/watcher/state.json"), Map.of()))
        .isEqualTo(Path.of("/var/lib/watcher/admin-token"));
    assertThat(AdminToken.defaultFile(null, Map.of("XDG_RUNTIME_DIR", "/run/user/1000")))
        .isEqualTo(Path.of("/run/user/1000/bluegreen-watch/admin-token"));
  }

  @Test
  void matchesOnlyTheWholeTokenAndNeverShowsIt() {
    AdminToken token = AdminToken.of("token-0123456789abcdef");

    assertThat(token.matches("token-0123456789abcdef")).isTrue();
    assertThat(token.matches("token-0123456789abcde")).isFalse();
    assertThat(token.matches("token-0123456789abcdefg")).isFalse();
    assertThat(token.matches("")).isFalse();
    assertThat(token.matches(null)).isFalse();
    assertThat(token.toString()).doesNotContain("0123");
  }

  @Test
  void aShortOrBlankTokenIsRefused() {
    assertThatThrownBy(() -> AdminToken.of("short")).hasMessageContaining("at least 16");
    assertThatThrownBy(() -> AdminToken.of("sixteen chars with spaces"))
        .hasMessageContaining("no spaces");
  }
}

package dev.bluegreen.watcher.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cheap "still starts with its first line" check says what comparing {@link FileIdentity}
 * fingerprints said before it: the copytruncate check keeps its meaning.
 */
class FirstLineTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // case, first line seen (length, x = filler), the file now: its first line, what follows
    "same line,                            40,  40, '\\nmore'",
    "same line; nothing after it yet,      40,  40, '\\n'",
    "a longer first line,                  40,  41, '\\n'",
    "a shorter first line,                 40,  39, '\\n'",
    "the line not complete now,            40,  40, ''",
    "255 bytes then a newline,            255, 255, '\\n'",
    "255 bytes; now 256 without newline,  255, 256, ''",
    "256 bytes without newline (covered), 256, 256, ''",
    "256 bytes; now 300,                  256, 300, '\\n'",
    "256 bytes; now 255,                  256, 255, '\\n'",
  })
  void saysWhatComparingFingerprintsSays(String what, int seen, int now, String after)
      throws IOException {
    String seenLine = "x".repeat(seen) + "\n";
    String nowContent = "x".repeat(now) + after.replace("\\n", "\n");

    boolean stillStarts = stillStarts(seenLine, nowContent);

    assertThat(stillStarts).as(what).isEqualTo(sameFingerprint(nowContent));
  }

  @Test
  void agreesWithTheFingerprintsOnRandomContent() throws IOException {
    Random random = new Random(15);
    for (int run = 0; run < 300; run++) {
      String seenLine = randomLine(random) + "\n";
      String now = random.nextInt(3) == 0 ? seenLine + randomLine(random) : randomLine(random);
      if (random.nextBoolean()) {
        now += "\n" + randomLine(random);
      }
      boolean stillStarts = stillStarts(seenLine, now);
      assertThat(stillStarts).as(seenLine + " / " + now).isEqualTo(sameFingerprint(now));
    }
  }

  @Test
  void theFingerprintNowIsTheFingerprintOfTheFileNow() throws IOException {
    FirstLine first = seen("GET /a\n");
    try (FileChannel channel = channelOf("GET /b\nGET /c\n")) {
      assertThat(first.fingerprintNow(channel)).isEqualTo(FileIdentity.fingerprint(channel));
    }
    try (FileChannel channel = channelOf("GET /a\nGET /c\n")) {
      assertThat(first.fingerprintNow(channel)).isSameAs(first.fingerprint());
    }
  }

  @Test
  void nothingSeenIsNothingReplaced() throws IOException {
    FirstLine first = new FirstLine();
    try (FileChannel channel = channelOf("GET /a")) {
      first.readFrom(channel);
      assertThat(first.fingerprint()).isEmpty();
      assertThat(first.stillStarts(channel)).isTrue();
    }
  }

  /** Only a few distinct characters and lengths around the covered 256 bytes: collisions happen. */
  private static String randomLine(Random random) {
    int length = random.nextInt(4) == 0 ? 250 + random.nextInt(10) : random.nextInt(6);
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < length; i++) {
      line.append(random.nextInt(8) == 0 ? 'b' : 'a');
    }
    return line.toString();
  }

  private boolean stillStarts(String seenLine, String now) throws IOException {
    FirstLine first = seen(seenLine);
    try (FileChannel channel = channelOf(now)) {
      return first.stillStarts(channel);
    }
  }

  /** Whether the file {@code now} has the fingerprint of what the last {@link #seen} saw. */
  private boolean sameFingerprint(String now) throws IOException {
    try (FileChannel channel = channelOf(now)) {
      return lastSeen.equals(FileIdentity.fingerprint(channel));
    }
  }

  private String lastSeen;

  private FirstLine seen(String content) throws IOException {
    FirstLine first = new FirstLine();
    try (FileChannel channel = channelOf(content)) {
      first.readFrom(channel);
      lastSeen = FileIdentity.fingerprint(channel);
    }
    assertThat(first.fingerprint()).isEqualTo(lastSeen).isNotEmpty();
    return first;
  }

  private FileChannel channelOf(String content) throws IOException {
    Path file = Files.createTempFile(dir, "log", "");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return FileChannel.open(file, StandardOpenOption.READ);
  }
}

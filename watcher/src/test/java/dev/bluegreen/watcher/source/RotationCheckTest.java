package dev.bluegreen.watcher.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.source.RotationCheck.Facts;
import dev.bluegreen.watcher.source.RotationCheck.Verdict;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rotation rule, row by row: the facts before a read in, the verdict out, no file, no clock.
 */
class RotationCheckTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "none",
      value = {
        // case, size, read up to, to the end, first line then/now, file key open/at path, quiet ms,
        // new file has lines
        "nothing new,                            100,  100,  true,  9:aa,  9:aa, ino1, ino1,     0, false, KEEP_READING",
        "lines appended,                         300,  100,  true,  9:aa,  9:aa, ino1, ino1,     0, false, KEEP_READING",
        "a partial line waits for its newline,   120,  100,  true,  9:aa,  9:aa, ino1, ino1,  5000, false, KEEP_READING",
        "no first line yet,                       20,    0,  true,    '',    '', ino1, ino1,     0, false, KEEP_READING",
        "first line just written,                 40,    0,  true,    '',  9:aa, ino1, ino1,     0, false, KEEP_READING",
        "shrank below what was read,              50,  100,  true,  9:aa,  9:aa, ino1, ino1,     0, false, TRUNCATED",
        "emptied,                                  0,  100,  true,  9:aa,    '', ino1, ino1,     0, false, TRUNCATED",
        "truncated and grown past the offset,    400,  100,  true,  9:aa,  9:bb, ino1, ino1,     0, false, TRUNCATED",
        "truncated to a partial first line,      150,  100,  true,  9:aa,    '', ino1, ino1,     0, false, TRUNCATED",
        "truncated as the path was renamed,       50,  100,  true,  9:aa,  9:aa, ino1, ino2,  5000,  true, TRUNCATED",
        "deleted and not recreated,              100,  100,  true,  9:aa,  9:aa, ino1, none,  5000, false, KEEP_READING",
        "renamed; writer still on the old file,  100,  100,  true,  9:aa,  9:aa, ino1, ino2,    50,  true, KEEP_READING",
        "renamed; old quiet; new has lines,      100,  100,  true,  9:aa,  9:aa, ino1, ino2,   100,  true, SWITCH_TO_NEW_FILE",
        "renamed; old quiet; new empty,          100,  100,  true,  9:aa,  9:aa, ino1, ino2,   100, false, KEEP_READING",
        "renamed; new empty for a while,         100,  100,  true,  9:aa,  9:aa, ino1, ino2,  1999, false, KEEP_READING",
        "renamed; new empty for two seconds,     100,  100,  true,  9:aa,  9:aa, ino1, ino2,  2000, false, SWITCH_TO_NEW_FILE",
        "deleted and recreated; old quiet,       100,  100,  true,  9:aa,  9:aa, ino1, ino3,   100,  true, SWITCH_TO_NEW_FILE",
        "renamed; backlog still being read,      900,  100, false,  9:aa,  9:aa, ino1, ino2,  5000,  true, KEEP_READING",
        "renamed; backlog read to its end,       900,  900,  true,  9:aa,  9:aa, ino1, ino2,  5000,  true, SWITCH_TO_NEW_FILE",
        "lines appended; read stopped at limit,  900,  100, false,  9:aa,  9:aa, ino1, ino1,     0, false, KEEP_READING",
        "truncated during a backlog,              50,  100, false,  9:aa,  9:aa, ino1, ino1,     0, false, TRUNCATED",
      })
  void everyFactsRowHasOneVerdict(
      String what,
      long size,
      long readUpTo,
      boolean readToEnd,
      String fingerprint,
      String fingerprintNow,
      String openFileKey,
      String pathFileKey,
      long quietMillis,
      boolean newFileHasLines,
      Verdict verdict) {
    Facts facts =
        new Facts(
            size,
            readUpTo,
            readToEnd,
            fingerprint,
            fingerprintNow,
            openFileKey,
            pathFileKey,
            TimeUnit.MILLISECONDS.toNanos(quietMillis),
            newFileHasLines);

    assertThat(RotationCheck.decide(facts)).as(what).isEqualTo(verdict);
  }
}

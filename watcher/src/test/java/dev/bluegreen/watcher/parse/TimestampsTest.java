package dev.bluegreen.watcher.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Timestamps} must agree with java.time on every time Nginx can write. */
class TimestampsTest {
  private static final DateTimeFormatter TIME_LOCAL =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss xx", Locale.ENGLISH);
  private static final DateTimeFormatter TIME_ISO8601 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ENGLISH);
  private static final long YEAR_2200 = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond();

  private static long timeLocal(String text) {
    byte[] b = ("[" + text + "]").getBytes(StandardCharsets.US_ASCII);
    return Timestamps.timeLocal(b, 1, b.length - 1);
  }

  private static long timeIso8601(String text) {
    byte[] b = ("\"" + text + "\"").getBytes(StandardCharsets.US_ASCII);
    return Timestamps.timeIso8601(b, 1, b.length - 1);
  }

  private static long msec(String text) {
    byte[] b = (" " + text + " ").getBytes(StandardCharsets.US_ASCII);
    return Timestamps.msec(b, 1, b.length - 1);
  }

  @Test
  void readsRandomInstantsInRandomOffsetsAsJavaTimeDoes() {
    Random random = new Random(31L);
    for (int i = 0; i < 20_000; i++) {
      // from one day after the epoch, so that no offset moves the local date before 1970
      long epochSecond = 86_400 + (long) (random.nextDouble() * (YEAR_2200 - 86_400));
      ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(36 * 60 + 1) - 18 * 60) * 60);
      OffsetDateTime time = Instant.ofEpochSecond(epochSecond).atOffset(offset);

      assertThat(timeLocal(TIME_LOCAL.format(time)))
          .as(TIME_LOCAL.format(time))
          .isEqualTo(epochSecond * 1000);
      assertThat(timeIso8601(TIME_ISO8601.format(time)))
          .as(TIME_ISO8601.format(time))
          .isEqualTo(epochSecond * 1000);
    }
  }

  @Test
  void readsEveryDayFrom1970To2400AsJavaTimeDoes() {
    for (LocalDate day = LocalDate.of(1970, 1, 1); day.getYear() <= 2400; day = day.plusDays(1)) {
      OffsetDateTime noon = day.atTime(12, 0).atOffset(ZoneOffset.UTC);
      long expected = noon.toInstant().toEpochMilli();

      assertThat(timeLocal(TIME_LOCAL.format(noon))).as(day.toString()).isEqualTo(expected);
    }
  }

  @Test
  void readsTheEpochAsZero() {
    assertThat(timeLocal("01/Jan/1970:00:00:00 +0000")).isZero();
    assertThat(timeIso8601("1970-01-01T00:00:00+00:00")).isZero();
    assertThat(msec("0.000")).isZero();
  }

  @Test
  void acceptsATrailingZInIso8601() {
    assertThat(timeIso8601("2025-10-31T15:53:00Z"))
        .isEqualTo(Instant.parse("2025-10-31T15:53:00Z").toEpochMilli());
  }

  @Test
  void readsALeapSecondAsTheFollowingSecond() {
    assertThat(timeLocal("31/Dec/2016:23:59:60 +0000"))
        .isEqualTo(Instant.parse("2017-01-01T00:00:00Z").toEpochMilli());
  }

  @Test
  void readsRandomMsecValues() {
    Random random = new Random(17L);
    for (int i = 0; i < 10_000; i++) {
      long millis = (long) (random.nextDouble() * YEAR_2200 * 1000);
      String text = String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);

      assertThat(msec(text)).as(text).isEqualTo(millis);
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "31/Oct/2025:15:53:00 +0000 ",
        "31/Oct/2025:15:53:00 +000",
        "31/Oct/2025:15:53:00 +1900",
        "31/Oct/2025:15:53:00 -1900",
        "31/Sept/2025:15:53:0 +0000",
        "31-Oct-2025:15:53:00 +0000",
      })
  void rejectsMalformedTimeLocal(String text) {
    assertThat(timeLocal(text)).isEqualTo(AccessEvent.NO_TIME);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "2025-10-31T15:53:00+0000",
        "2025-10-31T15:53:00+00:00Z",
        "2025-10-31T15:53:00Y",
        "2025-10-31T15:53:00+00-00",
        "2025-10-31 15:53:00+00:00",
        "2025-13-01T00:00:00+00:00",
        "2025-00-01T00:00:00+00:00",
        "2025-10-32T00:00:00+00:00",
        "2025-10-31T15:53:00+19:00",
        "1969-12-31T23:59:59+00:00",
        "",
      })
  void rejectsMalformedTimeIso8601(String text) {
    assertThat(timeIso8601(text)).isEqualTo(AccessEvent.NO_TIME);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {"", "-", ".123", "1761925980.", "1761925980.1", "17619259801234.000", "1e9.000"})
  void rejectsMalformedMsec(String text) {
    assertThat(msec(text)).isEqualTo(AccessEvent.NO_TIME);
  }
}

package dev.bluegreen.watcher.source;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LineReaderTest {

  private static final int MAX = LineReader.MAX_LINE_BYTES;

  /** Must match LineReader's internal buffer, so lines can be placed across its boundary. */
  private static final int BUFFER = 1024 * 1024;

  private static final String OVERSIZED = "<oversized>";

  /** How the bytes reach the reader: all at once, one byte per read, or in odd-sized chunks. */
  enum Delivery {
    WHOLE {
      @Override
      InputStream stream(byte[] data) {
        return new ByteArrayInputStream(data);
      }
    },
    ONE_BYTE_PER_READ {
      @Override
      InputStream stream(byte[] data) {
        return new ChunkedStream(data, 1);
      }
    },
    ODD_CHUNKS {
      @Override
      InputStream stream(byte[] data) {
        return new ChunkedStream(data, 1, 7, 4093, 65_537, 300_001);
      }
    };

    abstract InputStream stream(byte[] data);
  }

  // ---- basic splitting ----------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Delivery.class)
  void newlineEndsEachLine(Delivery delivery) throws IOException {
    assertThat(read(delivery, "alpha\nbeta\ngamma\n")).containsExactly("alpha", "beta", "gamma");
  }

  @ParameterizedTest
  @EnumSource(Delivery.class)
  void carriageReturnBeforeNewlineIsDropped(Delivery delivery) throws IOException {
    assertThat(read(delivery, "alpha\r\nbeta\r\n\r\ngamma\n"))
        .containsExactly("alpha", "beta", "", "gamma");
  }

  @ParameterizedTest
  @EnumSource(Delivery.class)
  void carriageReturnNotBeforeNewlineIsKept(Delivery delivery) throws IOException {
    assertThat(read(delivery, "a\rb\n\rc\n")).containsExactly("a\rb", "\rc");
  }

  @ParameterizedTest
  @EnumSource(Delivery.class)
  void lastLineWithoutNewlineStillCounts(Delivery delivery) throws IOException {
    assertThat(read(delivery, "alpha\nbeta")).containsExactly("alpha", "beta");
    assertThat(read(delivery, "only")).containsExactly("only");
  }

  @ParameterizedTest
  @EnumSource(Delivery.class)
  void emptyLinesAreDeliveredWithLengthZero(Delivery delivery) throws IOException {
    Recorder recorder = new Recorder();
    LineReader.read(delivery.stream(ascii("\n\nalpha\n\n")), recorder);

    assertThat(recorder.events).containsExactly("", "", "alpha", "");
    assertThat(recorder.lengths).containsExactly(0, 0, 5, 0);
  }

  @ParameterizedTest
  @EnumSource(Delivery.class)
  void emptyInputHasNoLines(Delivery delivery) throws IOException {
    assertThat(read(delivery, "")).isEmpty();
  }

  @Test
  void finalNewlineDoesNotAddAnEmptyLine() throws IOException {
    assertThat(read(Delivery.WHOLE, "alpha\n")).containsExactly("alpha");
    assertThat(read(Delivery.WHOLE, "\n")).containsExactly("");
  }

  @Test
  void sinkGetsOffsetAndLengthIntoASharedBuffer() throws IOException {
    List<String> seen = new ArrayList<>();
    List<Integer> offsets = new ArrayList<>();
    LineReader.read(
        new ByteArrayInputStream(ascii("ab\ncde\nf\n")),
        new LineSink() {
          @Override
          public void line(byte[] bytes, int offset, int length) {
            offsets.add(offset);
            seen.add(new String(bytes, offset, length, ISO_8859_1));
          }

          @Override
          public void oversized() {
            seen.add(OVERSIZED);
          }
        });

    assertThat(seen).containsExactly("ab", "cde", "f");
    assertThat(offsets).containsExactly(0, 3, 7);
  }

  @Test
  void afterReadIsCalledAfterEveryRead() throws IOException {
    Recorder recorder = new Recorder();
    LineReader.read(new ChunkedStream(ascii("ab\ncd\ne"), 1), recorder, recorder::afterRead);

    assertThat(recorder.events).containsExactly("ab", "cd", "e");
    assertThat(recorder.afterReads).isEqualTo(7);
  }

  // ---- oversized lines ----------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Delivery.class)
  void lineOfExactlyMaxBytesIsDelivered(Delivery delivery) throws IOException {
    String max = filler('m', MAX);
    Recorder recorder = new Recorder();
    LineReader.read(delivery.stream(ascii("a\n" + max + "\nb\n")), recorder);

    assertThat(recorder.events).containsExactly("a", describe(max), "b");
    assertThat(recorder.lines.get(1)).isEqualTo(ascii(max));
  }

  @ParameterizedTest
  @EnumSource(Delivery.class)
  void lineOfExactlyMaxBytesAtEndWithoutNewlineIsDelivered(Delivery delivery) throws IOException {
    String max = filler('m', MAX);
    assertThat(read(delivery, "a\n" + max)).containsExactly("a", describe(max));
  }

  @ParameterizedTest
  @EnumSource(Delivery.class)
  void lineOfExactlyMaxBytesEndingInCrLfIsDelivered(Delivery delivery) throws IOException {
    // the \r is a terminator, not part of the line: the line itself is MAX bytes
    String max = filler('m', MAX);
    assertThat(read(delivery, "a\r\n" + max + "\r\nb\r\n"))
        .containsExactly("a", describe(max), "b");
  }

  @ParameterizedTest
  @EnumSource(Delivery.class)
  void lineOfMaxPlusOneBytesIsOversized(Delivery delivery) throws IOException {
    String tooLong = filler('o', MAX + 1);
    assertThat(read(delivery, "a\n" + tooLong + "\nb\n")).containsExactly("a", OVERSIZED, "b");
  }

  @ParameterizedTest
  @EnumSource(Delivery.class)
  void lineOfMaxPlusOneBytesAtEndWithoutNewlineIsOversized(Delivery delivery) throws IOException {
    String tooLong = filler('o', MAX + 1);
    assertThat(read(delivery, "a\n" + tooLong)).containsExactly("a", OVERSIZED);
  }

  @ParameterizedTest
  @EnumSource(Delivery.class)
  void lineOfMaxPlusOneBytesEndingInCrLfIsOversized(Delivery delivery) throws IOException {
    String tooLong = filler('o', MAX + 1);
    assertThat(read(delivery, "a\r\n" + tooLong + "\r\nb\r\n"))
        .containsExactly("a", OVERSIZED, "b");
  }

  @ParameterizedTest
  @EnumSource(Delivery.class)
  void hugeLineInTheMiddleIsSkippedWholeAndReportedOnce(Delivery delivery) throws IOException {
    String huge = filler('h', 200_000);
    assertThat(read(delivery, "before\n" + huge + "\nafter\nlast\n"))
        .containsExactly("before", OVERSIZED, "after", "last");
  }

  @ParameterizedTest
  @EnumSource(Delivery.class)
  void hugeLineAtTheEndWithoutNewlineIsReportedOnce(Delivery delivery) throws IOException {
    String huge = filler('h', 200_000);
    assertThat(read(delivery, "before\n" + huge)).containsExactly("before", OVERSIZED);
  }

  @ParameterizedTest
  @EnumSource(Delivery.class)
  void consecutiveHugeLinesAreEachReportedOnce(Delivery delivery) throws IOException {
    String huge = filler('h', 200_000);
    assertThat(read(delivery, huge + "\n" + huge + "\r\n\n" + huge + "\nend"))
        .containsExactly(OVERSIZED, OVERSIZED, "", OVERSIZED, "end");
  }

  @ParameterizedTest
  @EnumSource(Delivery.class)
  void lineLongerThanTheBufferIsSkipped(Delivery delivery) throws IOException {
    String enormous = filler('e', 3 * BUFFER + 17);
    assertThat(read(delivery, "a\n" + enormous + "\nb\n" + enormous))
        .containsExactly("a", OVERSIZED, "b", OVERSIZED);
  }

  // ---- buffer boundaries --------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Delivery.class)
  void lineStraddlingTheBufferBoundaryIsWhole(Delivery delivery) throws IOException {
    for (int before = BUFFER - 12; before <= BUFFER + 1; before++) {
      // "straddle" starts at offset `before`, so the 1 MiB boundary falls inside it, on its
      // first/last byte, on its \r, on its \n, or just after it
      String data = fillerLines(before) + "straddle\r\nnext\n";
      List<String> events = read(delivery, data);

      assertThat(events.subList(events.size() - 2, events.size()))
          .as("line starting at %d", before)
          .containsExactly("straddle", "next");
      assertThat(events).doesNotContain(OVERSIZED);
      assertThat(String.join("\n", events) + "\n")
          .as("everything at %d", before)
          .isEqualTo(data.replace("\r\n", "\n"));
    }
  }

  @ParameterizedTest
  @EnumSource(Delivery.class)
  void oversizedLineStraddlingTheBufferBoundaryIsReportedOnce(Delivery delivery)
      throws IOException {
    String prefix = fillerLines(BUFFER - 100_000);
    String huge = filler('h', 200_000);
    List<String> events = read(delivery, prefix + huge + "\nafter\n");

    assertThat(events.subList(events.size() - 2, events.size()))
        .containsExactly(OVERSIZED, "after");
    assertThat(events).containsOnlyOnce(OVERSIZED);
  }

  @ParameterizedTest
  @EnumSource(Delivery.class)
  void maxLineStraddlingTheBufferBoundaryIsDelivered(Delivery delivery) throws IOException {
    String prefix = fillerLines(BUFFER - MAX / 2);
    String max = filler('m', MAX);
    List<String> events = read(delivery, prefix + max + "\nafter\n");

    assertThat(events.subList(events.size() - 2, events.size()))
        .containsExactly(describe(max), "after");
    assertThat(events).doesNotContain(OVERSIZED);
  }

  @ParameterizedTest
  @EnumSource(
      value = Delivery.class,
      names = {"WHOLE", "ODD_CHUNKS"})
  void manyMebibytesOfNumberedLinesArriveOnceEachInOrder(Delivery delivery) throws IOException {
    int count = 100_000;
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    List<String> expected = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      // varying lengths, so line ends land everywhere relative to the buffer
      String line = "line " + i + " " + "x".repeat(i % 61) + " end " + i;
      expected.add(line);
      data.writeBytes(ascii(line));
      data.writeBytes(i % 3 == 0 ? ascii("\r\n") : ascii("\n"));
    }
    assertThat(data.size()).isGreaterThan(4 * BUFFER);

    Recorder recorder = new Recorder();
    LineReader.read(delivery.stream(data.toByteArray()), recorder);

    assertThat(recorder.oversized).isZero();
    assertThat(recorder.events).hasSize(count);
    assertThat(recorder.events).isEqualTo(expected);
  }

  @Test
  void aFewMebibytesOneBytePerRead() throws IOException {
    int count = 30_000;
    StringBuilder data = new StringBuilder();
    List<String> expected = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String line = "request " + i + " " + "y".repeat(i % 97);
      expected.add(line);
      data.append(line).append('\n');
    }
    assertThat(data.length()).isGreaterThan(BUFFER);

    assertThat(read(Delivery.ONE_BYTE_PER_READ, data.toString())).isEqualTo(expected);
  }

  @Test
  void bytesAreHandedOnUndecoded() throws IOException {
    byte[] data = {(byte) 0xC3, (byte) 0xA9, 0, (byte) 0xFF, '\n', (byte) 0x80, '\r', '\n'};
    Recorder recorder = new Recorder();
    LineReader.read(new ByteArrayInputStream(data), recorder);

    assertThat(recorder.lines)
        .containsExactly(
            new byte[] {(byte) 0xC3, (byte) 0xA9, 0, (byte) 0xFF}, new byte[] {(byte) 0x80});
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static List<String> read(Delivery delivery, String data) throws IOException {
    Recorder recorder = new Recorder();
    LineReader.read(delivery.stream(ascii(data)), recorder);
    return recorder.events;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(US_ASCII);
  }

  private static String filler(char c, int length) {
    return String.valueOf(c).repeat(length);
  }

  /** Short numbered lines ending in \n, exactly {@code length} bytes in all. */
  private static String fillerLines(int length) {
    StringBuilder out = new StringBuilder(length);
    int n = 0;
    while (length - out.length() > 200) {
      String line = "filler " + n++ + " " + "z".repeat(n % 90);
      out.append(line).append('\n');
    }
    int rest = length - out.length();
    out.append("f".repeat(rest - 1)).append('\n');
    return out.toString();
  }

  /** Long lines are recorded by length and content digest, to keep failure messages short. */
  private static String describe(String line) {
    return describe(line.getBytes(ISO_8859_1));
  }

  private static String describe(byte[] line) {
    if (line.length <= 200) {
      return new String(line, ISO_8859_1);
    }
    return "<" + line.length + " bytes, hash " + Arrays.hashCode(line) + ">";
  }

  /** Copies every line, since the reader reuses its buffer. */
  private static final class Recorder implements LineSink {
    final List<String> events = new ArrayList<>();
    final List<byte[]> lines = new ArrayList<>();
    final List<Integer> lengths = new ArrayList<>();
    int oversized;
    int afterReads;

    @Override
    public void line(byte[] bytes, int offset, int length) {
      byte[] copy = Arrays.copyOfRange(bytes, offset, offset + length);
      lines.add(copy);
      lengths.add(length);
      events.add(describe(copy));
    }

    @Override
    public void oversized() {
      oversized++;
      events.add(OVERSIZED);
    }

    void afterRead() {
      afterReads++;
    }
  }

  /** Returns at most the next chunk size per read, cycling through the sizes: a slow pipe. */
  private static final class ChunkedStream extends FilterInputStream {
    private final int[] chunks;
    private int next;

    ChunkedStream(byte[] data, int... chunks) {
      super(new ByteArrayInputStream(data));
      this.chunks = chunks;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int chunk = chunks[next];
      next = (next + 1) % chunks.length;
      return super.read(b, off, Math.min(len, chunk));
    }
  }
}

package dev.bluegreen.watcher.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlockParserTest {
  private static final int MAX_LINE = 4096;
  private static final Malformed TOO_LONG = new Malformed("too long for the test");
  private static final LogFormat FORMAT = LogFormat.compile(Lines.BLUE_GREEN_DIRECTIVE);

  /**
   * The real fixture (two formats mixed: lines that parse and lines that do not), several times
   * over, with Windows line endings on some lines, lines too long to parse, lines with non-ASCII
   * text and lines that are not valid UTF-8 in between.
   */
  private static byte[] realBlock() throws Exception {
    Path fixture =
        Path.of(BlockParserTest.class.getResource("/fixtures/real-keycolon-access.log").toURI());
    List<String> lines = Files.readAllLines(fixture, StandardCharsets.UTF_8);
    ByteArrayOutputStream block = new ByteArrayOutputStream();
    for (int copy = 0; copy < 3; copy++) {
      for (int i = 0; i < lines.size(); i++) {
        String line = i % 97 == 5 ? "x".repeat(MAX_LINE + 1) : lines.get(i);
        if (i % 53 == 9) {
          line = line.replace("GET /", "GET /caf\u00e9/"); // valid UTF-8, not ASCII
        }
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        if (i % 59 == 17 && bytes.length > 40) {
          bytes[40] = (byte) 0xC3; // starts a two-byte sequence the next byte does not continue
          bytes[41] = '(';
        }
        block.writeBytes(bytes);
        block.writeBytes(i % 11 == 3 ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
      }
    }
    return block.toByteArray();
  }

  /** What parsing each line on its own gives: the reference the block parser must match. */
  private static List<Parsed> oneByOne(byte[] block, int from, int to) {
    LineParser parser = new LineParser(FORMAT);
    List<Parsed> results = new ArrayList<>();
    int start = from;
    while (start < to) {
      int newline = Bytes.indexOfNewline(block, start, to);
      int next = newline < 0 ? to : newline + 1;
      int stop = newline < 0 ? to : newline;
      if (stop > start && block[stop - 1] == '\r') {
        stop--;
      }
      results.add(stop - start > MAX_LINE ? TOO_LONG : parser.parse(block, start, stop - start));
      start = next;
    }
    return results;
  }

  private static List<Parsed> parse(BlockParser parser, byte[] block, int from, int to) {
    List<Parsed> results = new ArrayList<>();
    parser.parse(block, from, to, results::add);
    return results;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void aBigBlockParsedOnSeveralThreadsGivesWhatEachLineGivesOnItsOwnInOrder(int threads)
      throws Exception {
    byte[] block = realBlock();
    assertThat(block.length).isGreaterThan(BlockParser.PARALLEL_MIN_BYTES * 4);
    List<Parsed> expected = oneByOne(block, 0, block.length);
    assertThat(expected)
        .contains(TOO_LONG, Malformed.INVALID_UTF8)
        .hasAtLeastOneElementOfType(AccessEvent.class)
        .hasAtLeastOneElementOfType(Malformed.class);

    BlockParser parser = new BlockParser(FORMAT, threads, MAX_LINE, TOO_LONG);
    // twice: the second block must not see anything left from the first
    assertThat(parse(parser, block, 0, block.length)).isEqualTo(expected);
    assertThat(parse(parser, block, 0, block.length)).isEqualTo(expected);
  }

  @Test
  void aSmallBlockAndALastLineWithoutNewlineAreParsedToo() throws Exception {
    byte[] block = realBlock();
    int to = Bytes.indexOfNewline(block, 20_000, block.length) - 10; // ends inside a line
    BlockParser parser = new BlockParser(FORMAT, 2, MAX_LINE, TOO_LONG);

    assertThat(parse(parser, block, 0, to)).isEqualTo(oneByOne(block, 0, to));
  }

  @Test
  void resultsArriveOnTheCallingThread() throws Exception {
    byte[] block = realBlock();
    BlockParser parser = new BlockParser(FORMAT, 4, MAX_LINE, TOO_LONG);
    List<Thread> threads = new ArrayList<>();

    parser.parse(block, 0, block.length, parsed -> threads.add(Thread.currentThread()));

    assertThat(threads).isNotEmpty().containsOnly(Thread.currentThread());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void whenTheCallerFailsOnAResultTheNextBlockIsParsedWhole(int threads) throws Exception {
    byte[] block = realBlock();
    BlockParser parser = new BlockParser(FORMAT, threads, MAX_LINE, TOO_LONG);
    List<Parsed> seen = new ArrayList<>();

    assertThatThrownBy(
            () ->
                parser.parse(
                    block,
                    0,
                    block.length,
                    parsed -> {
                      if (seen.size() == 1000) {
                        throw new IllegalStateException("the caller gives up");
                      }
                      seen.add(parsed);
                    }))
        .hasMessage("the caller gives up");

    List<Parsed> expected = oneByOne(block, 0, block.length);
    assertThat(seen).isEqualTo(expected.subList(0, 1000));
    assertThat(parse(parser, block, 0, block.length)).isEqualTo(expected);
  }

  @Test
  void aSingleLineIsParsedAsTheLineParserWould() {
    byte[] line =
        Lines.utf8(
            "10.0.0.1 - - [30/Nov/2026:16:00:00 +0000] \"GET / HTTP/1.1\" 200 5 pool:blue release:b-1"
                + " upstream_status:200 upstream:10.0.0.2:3000 request_time:0.002"
                + " upstream_response_time:0.002");
    BlockParser parser = new BlockParser(FORMAT, 2, MAX_LINE, TOO_LONG);

    assertThat(parser.parseLine(line, 0, line.length))
        .isEqualTo(new LineParser(FORMAT).parse(line, 0, line.length))
        .isInstanceOf(AccessEvent.class);
    assertThat(parser.parseLine(new byte[MAX_LINE + 1], 0, MAX_LINE + 1)).isSameAs(TOO_LONG);
  }

  @Test
  void threadCountIsChecked() {
    assertThatThrownBy(() -> new BlockParser(FORMAT, 0, MAX_LINE, TOO_LONG))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new BlockParser(FORMAT, BlockParser.MAX_THREADS + 1, MAX_LINE, TOO_LONG))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

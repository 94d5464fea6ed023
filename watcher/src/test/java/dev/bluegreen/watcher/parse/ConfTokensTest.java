package dev.bluegreen.watcher.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfTokensTest {

  @Test
  void splitsOnWhitespaceAndKeepsQuotedStringsWhole() {
    assertThat(ConfTokens.split("log_format  main\tescape=json\n'a b' \"c d\";"))
        .containsExactly("log_format", "main", "escape=json", "'a b'", "\"c d\"");
  }

  @Test
  void doesNotEndAQuotedStringAtAnEscapedQuote() {
    assertThat(ConfTokens.split("'it\\'s' \"say \\\"hi\\\"\""))
        .containsExactly("'it\\'s'", "\"say \\\"hi\\\"\"");
  }

  @Test
  void keepsTheOtherQuoteKindInsideAQuotedString() {
    assertThat(ConfTokens.split("'\"$request\"' \"'x'\""))
        .containsExactly("'\"$request\"'", "\"'x'\"");
  }

  @Test
  void dropsOnlyTheFinalSemicolon() {
    assertThat(ConfTokens.split("'a;b';")).containsExactly("'a;b'");
  }

  @Test
  void reportsWhereAnUnclosedQuoteOpens() {
    assertThatThrownBy(() -> ConfTokens.split("main 'abc"))
        .isInstanceOf(LogFormatException.class)
        .hasMessage("unclosed ' in the log format at position 5");
  }

  @Test
  void resolvesTheEscapesNginxResolvesInsideQuotes() {
    assertThat(ConfTokens.unquote("'a\\nb\\tc\\rd\\\"e\\'f\\\\g'")).isEqualTo("a\nb\tc\rd\"e'f\\g");
  }

  @Test
  void keepsABackslashBeforeAnyOtherCharacter() {
    assertThat(ConfTokens.unquote("'\\x22 \\$'")).isEqualTo("\\x22 \\$");
  }

  @Test
  void recognisesQuotedTokens() {
    assertThat(ConfTokens.isQuoted("'a'")).isTrue();
    assertThat(ConfTokens.isQuoted("\"a\"")).isTrue();
    assertThat(ConfTokens.isQuoted("''")).isTrue();
    assertThat(ConfTokens.isQuoted("main")).isFalse();
    assertThat(ConfTokens.isQuoted("'")).isFalse();
  }

  @Test
  void aWholeFileSplitsIntoWordsStringsAndPunctuationWithTheirLines() {
    String conf =
        "http { # a comment; with { braces }\n"
            + "  log_format j escape=json '{\"a\":\"$a\",'\n"
            + "    '\"b\":\"$b\"}';\n"
            + "  access_log /x/${host}.log j;\n"
            + "}\n";

    assertThat(ConfTokens.ofFile(conf))
        .extracting(t -> t.text() + "@" + t.line())
        .containsExactly(
            "http@1",
            "{@1",
            "log_format@2",
            "j@2",
            "escape=json@2",
            "'{\"a\":\"$a\",'@2",
            "'\"b\":\"$b\"}'@3",
            ";@3",
            "access_log@4",
            "/x/${host}.log@4",
            "j@4",
            ";@4",
            "}@5");
  }
}

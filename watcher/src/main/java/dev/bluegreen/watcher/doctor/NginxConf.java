package dev.bluegreen.watcher.doctor;

import dev.bluegreen.watcher.parse.ConfTokens;
import dev.bluegreen.watcher.parse.ConfTokens.Token;
import dev.bluegreen.watcher.parse.LogFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * nginx.conf read as Nginx reads it: directives, their arguments and blocks, with each {@code
 * include} replaced by the directives of the files it names (relative paths against the main file's
 * directory, as Nginx's conf prefix).
 */
public final class NginxConf {
  /** Nginx refuses deeper include chains too; this also stops an include loop. */
  private static final int MAX_INCLUDE_DEPTH = 16;

  /**
   * One directive: its name, its arguments as written (quotes kept), where it is, and its block's
   * directives ({@code null} when it has no block).
   */
  public record Directive(String name, List<String> args, String where, List<Directive> block) {}

  private final ConfFiles files;
  private final String prefix;

  private NginxConf(ConfFiles files, String prefix) {
    this.files = files;
    this.prefix = prefix;
  }

  /**
   * The directives of {@code mainPath} and what it includes; throws {@link ConfException} when a
   * file is missing or does not parse.
   */
  public static List<Directive> read(ConfFiles files, String mainPath) {
    Path parent = Path.of(mainPath).toAbsolutePath().getParent();
    NginxConf conf = new NginxConf(files, parent == null ? "/" : parent.toString());
    List<ConfFiles.ConfText> main = files.find(mainPath);
    if (main.isEmpty()) {
      throw new ConfException(mainPath + ": no such configuration file");
    }
    return conf.parseFile(main.get(0), 0);
  }

  private List<Directive> parseFile(ConfFiles.ConfText file, int depth) {
    List<Token> tokens;
    try {
      tokens = ConfTokens.ofFile(file.text());
    } catch (LogFormatException e) {
      throw new ConfException(file.path() + ": " + e.getMessage());
    }
    int[] at = {0};
    List<Directive> directives = parseBlock(file.path(), tokens, at, depth);
    if (at[0] < tokens.size()) {
      throw new ConfException(file.path() + ":" + tokens.get(at[0]).line() + ": unexpected \"}\"");
    }
    return directives;
  }

  private List<Directive> parseBlock(String path, List<Token> tokens, int[] at, int depth) {
    List<Directive> directives = new ArrayList<>();
    while (at[0] < tokens.size() && !tokens.get(at[0]).is('}')) {
      Token name = tokens.get(at[0]++);
      List<String> args = new ArrayList<>();
      while (at[0] < tokens.size() && !tokens.get(at[0]).is(';') && !tokens.get(at[0]).is('{')) {
        if (tokens.get(at[0]).is('}')) {
          throw new ConfException(path + ":" + tokens.get(at[0]).line() + ": unexpected \"}\"");
        }
        args.add(tokens.get(at[0]++).text());
      }
      if (at[0] >= tokens.size()) {
        throw new ConfException(path + ":" + name.line() + ": unexpected end of file");
      }
      String where = path + ":" + name.line();
      if (tokens.get(at[0]++).is('{')) {
        List<Directive> block = parseBlock(path, tokens, at, depth);
        if (at[0] >= tokens.size()) {
          throw new ConfException(path + ":" + name.line() + ": block never closed");
        }
        at[0]++; // the closing brace
        directives.add(new Directive(name.text(), List.copyOf(args), where, block));
      } else if (name.text().equals("include") && args.size() == 1) {
        directives.addAll(include(args.get(0), where, depth));
      } else {
        directives.add(new Directive(name.text(), List.copyOf(args), where, null));
      }
    }
    return directives;
  }

  private List<Directive> include(String arg, String where, int depth) {
    if (depth >= MAX_INCLUDE_DEPTH) {
      throw new ConfException(where + ": includes nested deeper than " + MAX_INCLUDE_DEPTH);
    }
    String pattern = ConfTokens.isQuoted(arg) ? ConfTokens.unquote(arg) : arg;
    if (!pattern.startsWith("/")) {
      pattern = prefix + "/" + pattern;
    }
    List<ConfFiles.ConfText> found = files.find(pattern);
    boolean glob = pattern.contains("*") || pattern.contains("?") || pattern.contains("[");
    if (found.isEmpty() && !glob) {
      throw new ConfException(where + ": include " + pattern + ": no such file");
    }
    List<Directive> directives = new ArrayList<>();
    for (ConfFiles.ConfText file : found) {
      directives.addAll(parseFile(file, depth + 1));
    }
    return directives;
  }
}

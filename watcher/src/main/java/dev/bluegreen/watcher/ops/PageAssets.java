package dev.bluegreen.watcher.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The status page's three files, from the jar (no build step, nothing from elsewhere), served with
 * a Content-Security-Policy that lets the page load only its own script, style and event stream.
 */
final class PageAssets {
  /** Only this server's own files and stream; no inline script, no frame, no form. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
          + " img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private static final Map<Route, String[]> FILES = new EnumMap<>(Route.class);

  static {
    FILES.put(Route.PAGE, new String[] {"index.html", "text/html; charset=utf-8"});
    FILES.put(Route.PAGE_SCRIPT, new String[] {"status.js", "text/javascript; charset=utf-8"});
    FILES.put(Route.PAGE_STYLE, new String[] {"status.css", "text/css; charset=utf-8"});
  }

  private final Map<Route, byte[]> loaded = new EnumMap<>(Route.class);

  /** Whether {@code route} is one of the page's files. */
  static boolean serves(Route route) {
    return FILES.containsKey(route);
  }

  /** The answer serving {@code route}'s file. */
  Response serve(Route route) {
    String[] file = FILES.get(route);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", file[1]);
    headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Referrer-Policy", "no-referrer");
    headers.put("Cache-Control", "no-cache");
    return new Response(200, headers, bytes(route, file[0]));
  }

  private synchronized byte[] bytes(Route route, String name) {
    return loaded.computeIfAbsent(route, r -> load(name));
  }

  /** The file's bytes; loaded on first use, so a watcher nobody looks at never reads them. */
  static byte[] load(String name) {
    try (InputStream in = PageAssets.class.getResourceAsStream("page/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the status page's " + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

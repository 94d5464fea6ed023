package dev.bluegreen.watcher.ops;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for tests that send what a browser or an attacker would (any Host,
 * an Origin), which java.net.http refuses to send.
 */
final class RawHttp {
  /** A status, the headers (names lower-cased) and the body. */
  record Answer(int status, Map<String, String> headers, String body) {}

  private RawHttp() {}

  /** Sends one request with {@code headers} (Host included, or not) and reads the whole answer. */
  static Answer exchange(int port, String method, String path, Map<String, String> headers)
      throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
      headers.forEach(
          (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      request.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return parse(readAll(socket.getInputStream()));
    }
  }

  /** As {@link #exchange}, with {@code Host: 127.0.0.1:port}, as watcher ctl sends it. */
  static Answer local(int port, String method, String path, Map<String, String> more)
      throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Host", "127.0.0.1:" + port);
    headers.putAll(more);
    return exchange(port, method, path, headers);
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static Answer parse(String raw) {
    int end = raw.indexOf("\r\n\r\n");
    String[] head = raw.substring(0, end).split("\r\n");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < head.length; i++) {
      int colon = head[i].indexOf(':');
      headers.put(
          head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
          head[i].substring(colon + 1).strip());
    }
    return new Answer(Integer.parseInt(head[0].split(" ")[1]), headers, raw.substring(end + 4));
  }
}

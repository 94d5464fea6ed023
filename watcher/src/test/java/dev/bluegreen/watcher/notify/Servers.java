package dev.bluegreen.watcher.notify;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** MockWebServer on 127.0.0.1 only, and delivery settings that point at it. */
public final class Servers {
  private Servers() {}

  public static MockWebServer start() throws IOException {
    MockWebServer server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    return server;
  }

  /** A Slack-like webhook path with a token, so leaks are easy to grep. */
  public static String slackUrl(MockWebServer server) {
    return server.url("/services/T0SECRET1/B0SECRET2/tokenSECRET3xyz").toString();
  }

  public static DeliveryConfig slack(MockWebServer server) {
    return DeliveryConfig.builder()
        .slackWebhook(SecretUrl.parse(slackUrl(server)))
        .instance("web-1")
        .requestTimeout(Duration.ofSeconds(5))
        .build();
  }

  public static MockResponse ok() {
    return new MockResponse.Builder().code(200).body("ok").build();
  }

  public static MockResponse answer(int code, String body) {
    return new MockResponse.Builder().code(code).body(body).build();
  }
}

package dev.bluegreen.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Entry point: reads APP_POOL, RELEASE_ID, PORT and APP_BIND and serves until SIGTERM. */
public final class DemoApp {
  private DemoApp() {}

  public static void main(String[] args) throws InterruptedException {
    int status = run(System.getenv(), System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
    new CountDownLatch(1).await(); // the server threads keep serving; SIGTERM ends the JVM
  }

  /** Starts the server; returns 0 when it serves, 2 for a bad setting, 1 when it cannot bind. */
  static int run(Map<String, String> env, PrintStream out, PrintStream err) {
    DemoSettings settings;
    try {
      settings = DemoSettings.fromEnv(env);
    } catch (DemoSettings.InvalidSetting e) {
      err.println("demo-app: " + e.getMessage());
      return 2;
    }
    try {
      DemoServer server = DemoServer.start(settings, out::println, DemoServer.DEFAULT_HANG_MILLIS);
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "demo-app-shutdown"));
      return 0;
    } catch (IOException e) {
      err.println(
          "demo-app: cannot listen on "
              + settings.bind()
              + ":"
              + settings.port()
              + ": "
              + e.getMessage());
      return 1;
    }
  }
}

package dev.bluegreen.watcher.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.FreshJvm;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

/**
 * The HTTP server starts without JMX: Jetty would otherwise start the platform MBean server to ask
 * whether references are compressed (some 200 classes, about 4 MB of an idle watcher's RSS).
 * Checked by the classes a fresh JVM loads, as StartUpTest does.
 */
class HttpFootprintTest {
  @Test
  void theServerStartsWithoutThePlatformMBeanServer() throws Exception {
    String output = FreshJvm.run(StartsAndStops.class);

    assertThat(output).contains("started on port ");
    assertThat(output.lines().filter(line -> line.contains("[class,load]")))
        .as("the check sees class loading")
        .anyMatch(line -> line.contains(" org.eclipse.jetty.util.MemoryUtils "))
        .noneMatch(line -> line.contains(" java.lang.management.ManagementFactory "));
  }

  /** A process that starts the watcher's HTTP server and stops it. */
  static final class StartsAndStops {
    public static void main(String[] args) throws Exception {
      Server server =
          BoundedHttp.start(
              "127.0.0.1",
              0,
              new Handler.Abstract() {
                @Override
                public boolean handle(
                    org.eclipse.jetty.server.Request request,
                    org.eclipse.jetty.server.Response response,
                    org.eclipse.jetty.util.Callback callback) {
                  return false;
                }
              });
      System.out.println("started on port " + BoundedHttp.port(server));
      server.stop();
    }
  }
}

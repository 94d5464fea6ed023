package dev.bluegreen.watcher.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.FreshJvm;
import dev.bluegreen.watcher.time.Timing;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * A watcher whose webhook has nothing to send yet never builds OkHttp's client (its threads and
 * Kotlin's runtime: about 8 MB of an idle watcher's RSS); the first POST builds it, once for all.
 * Checked by the classes a fresh JVM loads, as StartUpTest does.
 */
class LazyClientTest {
  @Test
  void theClientIsBuiltAtTheFirstPostOnly() throws Exception {
    String output = FreshJvm.run(PostsOnce.class);

    String beforePost = output.substring(0, output.indexOf("posting now"));
    assertThat(beforePost).contains(" dev.bluegreen.watcher.notify.JsonPost ");
    assertThat(beforePost).doesNotContain(" okhttp3.OkHttpClient ");
    assertThat(output.substring(beforePost.length())).contains(" okhttp3.OkHttpClient ");
    assertThat(output).contains("answer: RETRY");
  }

  @Test
  void sinksShareOneClientBuiltOnce() {
    var client = JsonPost.lazyClient(Duration.ofSeconds(1));

    OkHttpClient first = client.get();

    assertThat(client.get()).isSameAs(first);
  }

  /** A process that prepares a webhook's POST, then sends one to a closed port. */
  static final class PostsOnce {
    public static void main(String[] args) throws Exception {
      JsonPost post =
          new JsonPost(
              JsonPost.lazyClient(Duration.ofSeconds(1)),
              Duration.ofSeconds(1),
              UnaryOperator.identity(),
              Timing.SYSTEM);
      int closed;
      try (ServerSocket socket = new ServerSocket(0)) {
        closed = socket.getLocalPort();
      }
      HttpUrl url = HttpUrl.get("http://127.0.0.1:" + closed + "/hook");
      System.out.println("posting now");
      Attempt attempt = post.post(url, okhttp3.Headers.of(), "{}".getBytes(StandardCharsets.UTF_8));
      System.out.println("answer: " + attempt.answer());
    }
  }
}

package dev.bluegreen.watcher.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.FreshJvm;
import dev.bluegreen.watcher.notify.webhook.WebhookNotifier;
import dev.bluegreen.watcher.time.Timing;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * A watcher whose webhook has nothing to send yet loads nothing of OkHttp (its client, its URL
 * parser, Kotlin's runtime: about 8 MB of an idle watcher's RSS); the first POST builds the client,
 * once for all. Checked by the classes a fresh JVM loads, as StartUpTest does.
 */
class LazyClientTest {
  @Test
  void theClientIsBuiltAtTheFirstPostOnly() throws Exception {
    String output = FreshJvm.run(PostsOnce.class);

    String beforePost = output.substring(0, output.indexOf("posting now"));
    assertThat(beforePost).contains(" dev.bluegreen.watcher.notify.webhook.WebhookNotifier ");
    assertThat(beforePost).doesNotContain(" okhttp3.").doesNotContain(" kotlin.");
    assertThat(output.substring(beforePost.length())).contains(" okhttp3.OkHttpClient ");
    assertThat(output).contains("answer: RETRY");
  }

  @Test
  void sinksShareOneClientBuiltOnce() {
    var client = JsonPost.lazyClient(Duration.ofSeconds(1));

    OkHttpClient first = client.get();

    assertThat(client.get()).isSameAs(first);
  }

  /** A process that makes a webhook sink from its setting, then posts once to a closed port. */
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
      SecretUrl url = SecretUrl.parse("http://127.0.0.1:" + closed + "/hook");
      WebhookNotifier webhook = new WebhookNotifier(url, post, Duration.ZERO);
      System.out.println("sink " + webhook.target() + ", posting now");
      Attempt attempt = webhook.post("{}".getBytes(StandardCharsets.UTF_8));
      System.out.println("answer: " + attempt.answer());
    }
  }
}

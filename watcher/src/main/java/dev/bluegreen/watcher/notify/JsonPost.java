package dev.bluegreen.watcher.notify;

import dev.bluegreen.watcher.time.Timing;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One sink's POSTs of a JSON body, each answer classified with {@link HttpAnswers}. Sinks may share
 * the {@link OkHttpClient} (one connection pool) but each has its own {@code JsonPost}, so {@link
 * #cancel()} abandons this sink's request only.
 */
public final class JsonPost {
  /** Slack's reason (e.g. {@code no_service}) is short; more is a proxy's error page. */
  private static final long MAX_BODY = 4096;

  private final Supplier<OkHttpClient> client;
  private final Duration timeout;
  private final UnaryOperator<String> redact;
  private final Timing timing;
  private final AtomicReference<Call> inFlight = new AtomicReference<>();
  private volatile boolean cancelled;

  /**
   * @param redact removes every configured secret from an answer or error message, before it is cut
   *     to one line (a cut could leave half a token that no longer matches)
   * @param timing the clock a Retry-After given as a date is counted from
   */
  public JsonPost(
      OkHttpClient client, Duration timeout, UnaryOperator<String> redact, Timing timing) {
    this(() -> client, timeout, redact, timing);
  }

  /** As above, with the client made by {@code client} at the first POST ({@link #lazyClient}). */
  public JsonPost(
      Supplier<OkHttpClient> client,
      Duration timeout,
      UnaryOperator<String> redact,
      Timing timing) {
    this.client = client;
    this.timeout = timeout;
    this.redact = redact;
    this.timing = timing;
  }

  /**
   * A client for webhooks: each request ends within {@code timeout}; redirects are not followed (a
   * webhook that redirects is misconfigured, and following could send the body elsewhere); OkHttp's
   * own retry is off, since {@link SinkWorker} retries with pacing.
   */
  public static OkHttpClient client(Duration timeout) {
    return new OkHttpClient.Builder()
        .connectTimeout(timeout)
        .readTimeout(timeout)
        .writeTimeout(timeout)
        .callTimeout(timeout)
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(false)
        .build();
  }

  /**
   * The {@link #client} built at its first use, once, for all the sinks that share it: a watcher
   * that sends nothing never loads OkHttp's client, its threads and Kotlin's runtime (about 4 MB of
   * an idle watcher's RSS).
   */
  public static Supplier<OkHttpClient> lazyClient(Duration timeout) {
    return new Supplier<>() {
      private OkHttpClient built; // guarded by this

      @Override
      public synchronized OkHttpClient get() {
        if (built == null) {
          built = client(timeout);
        }
        return built;
      }
    };
  }

  /** One POST; a connection error or timeout is a retryable {@link Attempt}, never an exception. */
  public Attempt post(HttpUrl url, Headers headers, byte[] body) {
    Request request =
        new Request.Builder()
            .url(url)
            .headers(headers)
            .post(RequestBody.create(body, JsonType.VALUE))
            .build();
    Call call = client.get().newCall(request);
    inFlight.set(call);
    if (cancelled) {
      call.cancel(); // stopped before this request began: it fails at once
    }
    try (Response response = call.execute()) {
      return HttpAnswers.classify(
          response.code(),
          response.header("Retry-After"),
          redact.apply(bodyOf(response)),
          timing.now());
    } catch (IOException e) {
      return HttpAnswers.classify(e, redact.apply(String.valueOf(e.getMessage())), timeout);
    } finally {
      inFlight.compareAndSet(call, null);
    }
  }

  /**
   * Abandons this sink's request in progress, and any it would start later (shutdown after the
   * drain time): it ends as a failed attempt. Other sinks' requests go on.
   */
  public void cancel() {
    cancelled = true;
    Call call = inFlight.get();
    if (call != null) {
      call.cancel();
    }
  }

  private static String bodyOf(Response response) throws IOException {
    return response.peekBody(MAX_BODY).string();
  }

  /** Loaded at the first POST, with the rest of OkHttp, not when the sinks are made. */
  private static final class JsonType {
    static final MediaType VALUE = MediaType.get("application/json; charset=utf-8");
  }
}

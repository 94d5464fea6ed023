package dev.bluegreen.watcher.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.time.FakeTiming;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One status page client that stops reading: its writes never finish. Sending to it never blocks
 * and never piles up (one write in flight, the newest event waiting), and the heartbeat drops it
 * once a write has been stuck a heartbeat long.
 */
class SseClientTest {
  private static final Duration HEARTBEAT = Duration.ofSeconds(20);
  private static final byte[] COMMENT = ": still here\n\n".getBytes(StandardCharsets.US_ASCII);

  /** A socket that takes writes and finishes them only when told: a client that may stall. */
  private static final class FakeSocket implements SseClient.Write {
    final List<String> written = new ArrayList<>();
    final List<Written> pending = new ArrayList<>();

    @Override
    public void write(ByteBuffer bytes, Written done) {
      written.add(StandardCharsets.UTF_8.decode(bytes).toString());
      pending.add(done);
    }

    void finishWrites() {
      List<Written> done = new ArrayList<>(pending);
      pending.clear();
      done.forEach(Written::succeeded);
    }
  }

  private final FakeTiming timing = new FakeTiming();
  private final FakeSocket socket = new FakeSocket();
  private final List<SseClient> removed = new ArrayList<>();
  private final List<Throwable> ended = new ArrayList<>();
  private final SseClient client = new SseClient(socket, ended::add, timing, removed::add);

  private static byte[] event(String name) {
    return name.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void whileAWriteIsInFlightOnlyTheNewestEventWaits() {
    client.send(event("one"));
    client.send(event("two"));
    client.send(event("three"));

    assertThat(socket.written).containsExactly("one"); // returned at once, nothing else written

    socket.finishWrites();
    assertThat(socket.written).containsExactly("one", "three"); // "two" was replaced

    socket.finishWrites();
    client.send(event("four"));
    assertThat(socket.written).containsExactly("one", "three", "four");
  }

  @Test
  void anIdleStreamGetsAHeartbeatComment() {
    client.send(event("one"));
    socket.finishWrites();

    client.heartbeat(COMMENT, HEARTBEAT);

    assertThat(socket.written).containsExactly("one", ": still here\n\n");
    assertThat(removed).isEmpty();
  }

  @Test
  void aClientWhoseWriteIsStuckAHeartbeatLongIsDropped() {
    client.send(event("one")); // never finishes: the client stopped reading
    timing.advance(HEARTBEAT.minusSeconds(1));
    client.heartbeat(COMMENT, HEARTBEAT);
    assertThat(removed).isEmpty(); // slow, not yet stalled: no comment on top of the write
    assertThat(socket.written).containsExactly("one");

    timing.advance(Duration.ofSeconds(1));
    client.heartbeat(COMMENT, HEARTBEAT);

    assertThat(removed).containsExactly(client);
    assertThat(ended).hasSize(1); // its stream ends: the server closes the connection
    client.send(event("two"));
    assertThat(socket.written).containsExactly("one");
  }

  @Test
  void aFailedWriteDropsTheClientOnce() {
    client.send(event("one"));
    socket.pending.get(0).failed(new java.io.IOException("connection reset"));
    client.heartbeat(COMMENT, HEARTBEAT);

    assertThat(removed).containsExactly(client);
    assertThat(ended).hasSize(1);
  }
}

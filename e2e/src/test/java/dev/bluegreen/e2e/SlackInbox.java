package dev.bluegreen.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A stand-in Slack webhook: accepts every post and keeps each message's text and whole body, in
 * order.
 */
final class SlackInbox extends Dispatcher {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SEVERITY_BADGE = Pattern.compile("^(WARNING|CRITICAL): ");
  private final List<String> texts = new ArrayList<>();
  private final List<String> bodies = new ArrayList<>();

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String body = request.getBody().utf8();
    String text;
    try {
      text = JSON.readTree(body).path("text").asText();
    } catch (Exception e) {
      text = "unreadable: " + e;
    }
    synchronized (this) {
      texts.add(text);
      bodies.add(body);
    }
    return new MockResponse.Builder().code(200).body("ok").build();
  }

  synchronized List<String> texts() {
    return List.copyOf(texts);
  }

  /**
   * Messages from index {@code from} on whose text starts with {@code prefix}, after the severity
   * badge ("WARNING: ", "CRITICAL: ") an alert's text begins with.
   */
  synchronized List<String> startingWith(String prefix, int from) {
    return texts.subList(Math.min(from, texts.size()), texts.size()).stream()
        .filter(t -> SEVERITY_BADGE.matcher(t).replaceFirst("").startsWith(prefix))
        .toList();
  }

  /** The whole bodies (blocks included) of the messages from index {@code from} on. */
  synchronized List<String> bodies(int from) {
    return List.copyOf(bodies.subList(Math.min(from, bodies.size()), bodies.size()));
  }
}

package dev.bluegreen.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** A stand-in Slack webhook: accepts every post and keeps each message's text, in order. */
final class SlackInbox extends Dispatcher {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<String> texts = new ArrayList<>();

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String text;
    try {
      text = JSON.readTree(request.getBody().utf8()).path("text").asText();
    } catch (Exception e) {
      text = "unreadable: " + e;
    }
    synchronized (this) {
      texts.add(text);
    }
    return new MockResponse.Builder().code(200).body("ok").build();
  }

  synchronized List<String> texts() {
    return List.copyOf(texts);
  }

  /** Messages from index {@code from} on whose text starts with {@code prefix}. */
  synchronized List<String> startingWith(String prefix, int from) {
    return texts.subList(Math.min(from, texts.size()), texts.size()).stream()
        .filter(t -> t.startsWith(prefix))
        .toList();
  }
}

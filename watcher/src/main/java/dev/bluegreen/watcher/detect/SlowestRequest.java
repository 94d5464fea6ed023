package dev.bluegreen.watcher.detect;

/**
 * The slowest request of a sliding window of the last N requests, with where it was logged: a
 * monotonic queue of the requests that no later request was as slow as, slowest first. Amortized
 * O(1) per request; its arrays grow to the most such requests seen at once (the window size at
 * worst, a handful usually) and nothing is allocated after that.
 */
final class SlowestRequest {
  private final int window;
  private long[] seq = new long[16];
  private int[] millis = new int[16];
  private String[] file = new String[16];
  private long[] line = new long[16];
  private String[] requestId = new String[16];
  private int head;
  private int count;
  private long nextSeq;

  SlowestRequest(int window) {
    this.window = window;
  }

  /**
   * The next request of the window.
   *
   * @param file its log file, or {@code null} when unknown (a window restored from the state file)
   * @param requestId its {@code $request_id}, or {@code null} when not logged
   */
  void add(int millis, String file, long line, String requestId) {
    long s = nextSeq++;
    if (count > 0 && seq[head] <= s - window) { // the oldest left the window
      this.file[head] = null;
      this.requestId[head] = null;
      head = (head + 1) % seq.length;
      count--;
    }
    // a request no slower than this one, and older, can never be the slowest again
    while (count > 0 && this.millis[slot(count - 1)] <= millis) {
      int back = slot(count - 1);
      this.file[back] = null;
      this.requestId[back] = null;
      count--;
    }
    if (count == seq.length) {
      grow();
    }
    int at = slot(count++);
    seq[at] = s;
    this.millis[at] = millis;
    this.file[at] = file;
    this.line[at] = line;
    this.requestId[at] = requestId;
  }

  private int slot(int k) {
    return (head + k) % seq.length;
  }

  private void grow() {
    int capacity = seq.length * 2;
    long[] newSeq = new long[capacity];
    int[] newMillis = new int[capacity];
    String[] newFile = new String[capacity];
    long[] newLine = new long[capacity];
    String[] newRequestId = new String[capacity];
    for (int k = 0; k < count; k++) {
      int from = slot(k);
      newSeq[k] = seq[from];
      newMillis[k] = millis[from];
      newFile[k] = file[from];
      newLine[k] = line[from];
      newRequestId[k] = requestId[from];
    }
    seq = newSeq;
    millis = newMillis;
    file = newFile;
    line = newLine;
    requestId = newRequestId;
    head = 0;
  }

  /** The slowest request's time; 0 when the window is empty. */
  int millis() {
    return count == 0 ? 0 : millis[head];
  }

  /** Where the slowest request was logged, or {@code null} when unknown. */
  LineRef where() {
    return count == 0 || file[head] == null ? null : new LineRef(file[head], line[head]);
  }

  /** The slowest request's {@code $request_id}, or {@code null}. */
  String requestId() {
    return count == 0 ? null : requestId[head];
  }
}

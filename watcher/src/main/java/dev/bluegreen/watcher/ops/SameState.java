package dev.bluegreen.watcher.ops;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Objects;

/**
 * Whether two snapshots show the same state: every record component compared, records within
 * records too and arrays by content; the history is left out (a new sample of the same values is no
 * change). Generic over the components, so one added to {@link WatcherStatus} counts at once. Costs
 * a few microseconds, where building and writing the page's JSON costs far more: an idle watcher
 * with pages open builds nothing.
 */
final class SameState {
  private SameState() {}

  static boolean of(LiveView a, LiveView b) {
    return a != null && b != null && equal(a, b, "history");
  }

  private static boolean equal(Record a, Record b, String skipped) {
    if (a.getClass() != b.getClass()) {
      return false;
    }
    for (RecordComponent component : a.getClass().getRecordComponents()) {
      if (component.getName().equals(skipped)) {
        continue;
      }
      Object x = value(component, a);
      Object y = value(component, b);
      boolean same =
          x instanceof Record rx && y instanceof Record ry
              ? equal(rx, ry, null)
              : Objects.deepEquals(x, y);
      if (!same) {
        return false;
      }
    }
    return true;
  }

  private static Object value(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component.getName(), e);
    }
  }
}

package dev.bluegreen.watcher;

import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.notify.AlertDelivery;
import dev.bluegreen.watcher.notify.Message;
import dev.bluegreen.watcher.notify.Notice;
import dev.bluegreen.watcher.notify.SinkHealth;
import dev.bluegreen.watcher.notify.SinkStats;
import dev.bluegreen.watcher.page.Timeline;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The live watcher's outlet: alerts and notices go through {@link AlertDelivery}'s queues, each
 * noted in the {@link Timeline} as queued at the sinks that take it (the delivery's receipts tell
 * the timeline the rest).
 */
public final class DeliveryOutlet implements Outlet {
  private final AlertDelivery delivery;
  private final Timeline timeline;

  public DeliveryOutlet(AlertDelivery delivery) {
    this(delivery, new Timeline());
  }

  /**
   * @param timeline the one the delivery's receipts also go to
   */
  public DeliveryOutlet(AlertDelivery delivery, Timeline timeline) {
    this.delivery = delivery;
    this.timeline = timeline;
  }

  @Override
  public void alert(Alert alert) {
    timeline.queued(Message.of(alert), delivery.sinksFor(Message.of(alert)));
    delivery.publish(alert);
  }

  @Override
  public void maintenance(boolean on, Instant at) {
    publish(on ? Notice.maintenanceOn(at) : Notice.maintenanceOff(at));
  }

  @Override
  public void plannedSwitch(String from, String to, Instant at) {
    publish(Notice.plannedSwitch(at, from, to));
  }

  @Override
  public void sight(boolean blind, String why, Instant at) {
    publish(blind ? Notice.blind(at, why) : Notice.seesAgain(at, why));
  }

  private void publish(Notice notice) {
    timeline.queued(notice, delivery.sinksFor(notice));
    delivery.publish(notice);
  }

  @Override
  public Timeline timeline() {
    return timeline;
  }

  @Override
  public List<SinkHealth> sinkHealth() {
    return delivery.sinkHealth();
  }

  @Override
  public long deliveryFailures() {
    return delivery.stats().failed();
  }

  @Override
  public List<SinkStats> sinks() {
    return delivery.sinkStats();
  }

  @Override
  public Map<String, List<Message>> undelivered() {
    return delivery.undelivered();
  }

  @Override
  public long undeliveredVersion() {
    return delivery.undeliveredVersion();
  }

  @Override
  public boolean delivering() {
    return delivery.delivering();
  }

  @Override
  public void restore(Map<String, List<Message>> undelivered) {
    delivery.restore(undelivered);
  }
}

package dev.bluegreen.watcher;

import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.notify.AlertDelivery;
import dev.bluegreen.watcher.notify.Message;
import dev.bluegreen.watcher.notify.Notice;
import dev.bluegreen.watcher.notify.SinkHealth;
import dev.bluegreen.watcher.notify.SinkStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The live watcher's outlet: alerts and notices go through {@link AlertDelivery}'s queues. */
public final class DeliveryOutlet implements Outlet {
  private final AlertDelivery delivery;

  public DeliveryOutlet(AlertDelivery delivery) {
    this.delivery = delivery;
  }

  @Override
  public void alert(Alert alert) {
    delivery.publish(alert);
  }

  @Override
  public void maintenance(boolean on, Instant at) {
    delivery.publish(on ? Notice.maintenanceOn(at) : Notice.maintenanceOff(at));
  }

  @Override
  public void plannedSwitch(String from, String to, Instant at) {
    delivery.publish(Notice.plannedSwitch(at, from, to));
  }

  @Override
  public void sight(boolean blind, String why, Instant at) {
    delivery.publish(blind ? Notice.blind(at, why) : Notice.seesAgain(at, why));
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
  public void restore(Map<String, List<Message>> undelivered) {
    delivery.restore(undelivered);
  }
}

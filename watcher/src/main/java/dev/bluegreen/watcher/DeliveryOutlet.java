package dev.bluegreen.watcher;

import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.notify.AlertDelivery;
import dev.bluegreen.watcher.notify.Notice;
import dev.bluegreen.watcher.notify.SinkHealth;
import java.time.Instant;
import java.util.List;

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
}

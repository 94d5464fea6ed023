package dev.bluegreen.watcher.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's first configuration, found through {@code META-INF/services}: readable lines on stderr
 * at INFO, set up in code. It stops logback's search for a logback.xml, whose XML parser and Joran
 * interpreter would load some 400 classes into every watcher for five lines of settings. {@code
 * watcher run} reconfigures from WATCHER_LOG_FORMAT at start ({@link LogSetup}).
 */
public final class StderrConfigurator extends ContextAwareBase implements Configurator {
  @Override
  public ExecutionStatus configure(LoggerContext context) {
    LogSetup.install(context, false);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}

package dev.bluegreen.watcher.ops;

/** Told once whether bytes handed to a connection were written, or why not. */
interface Written {
  void succeeded();

  void failed(Throwable why);
}

package dev.bluegreen.demo;

/** Placeholder until the sandbox issue: the app that both pools run. */
public final class DemoApp {
  private DemoApp() {}

  public static void main(String[] args) {
    System.out.println("demo-app: not built yet (see the sandbox issue)");
  }
}

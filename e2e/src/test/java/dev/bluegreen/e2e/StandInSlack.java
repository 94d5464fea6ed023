package dev.bluegreen.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A stand-in Slack webhook on this machine: plain http on loopback (the watcher allows http to
 * loopback only), or https on another address of this machine with a CA of its own, for a watcher
 * in a container; {@link #inbox} keeps what it received.
 */
final class StandInSlack implements AutoCloseable {
  /** The password of the trust store {@link #onAddressWithTls} writes: not a secret. */
  static final String TRUST_STORE_PASSWORD = "stand-in";

  final SlackInbox inbox = new SlackInbox();
  private final MockWebServer server = new MockWebServer();

  private StandInSlack() {
    server.setDispatcher(inbox);
  }

  static StandInSlack onLoopback() throws IOException {
    StandInSlack slack = new StandInSlack();
    slack.server.start(InetAddress.getByName("127.0.0.1"), 0);
    return slack;
  }

  /**
   * Https on {@code address} (an IP of this machine), with a certificate for that IP from a CA made
   * here; writes that CA to {@code trustStore} (PKCS12) for the client to trust.
   */
  static StandInSlack onAddressWithTls(String address, Path trustStore)
      throws IOException, GeneralSecurityException {
    HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).build();
    HeldCertificate server =
        new HeldCertificate.Builder().addSubjectAlternativeName(address).signedBy(ca).build();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("stand-in-ca", ca.certificate());
    try (OutputStream out = Files.newOutputStream(trustStore)) {
      store.store(out, TRUST_STORE_PASSWORD.toCharArray());
    }
    StandInSlack slack = new StandInSlack();
    slack.server.useHttps(
        new HandshakeCertificates.Builder().heldCertificate(server).build().sslSocketFactory());
    slack.server.start(InetAddress.getByName(address), 0);
    return slack;
  }

  /** A webhook URL of Slack's shape on this server. */
  String url() {
    return server.url("/services/T0/B0/e2e").toString();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}

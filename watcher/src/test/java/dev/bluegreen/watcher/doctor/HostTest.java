package dev.bluegreen.watcher.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A user's groups as /etc/passwd and /etc/group list them. */
class HostTest {
  private static final String PASSWD =
      "root:x:0:0:root:/root:/bin/bash\n"
          + "bluegreen-watch:x:999:996:bluegreen-watch service:/var/lib/bluegreen-watch:/usr/sbin/nologin\n";
  private static final String GROUP =
      "root:x:0:\nadm:x:4:syslog,bluegreen-watch\nwww-data:x:33:\nbluegreen-watch:x:996:\n";

  @Test
  void primaryAndSupplementaryGroups() {
    assertThat(Host.groupsOf("bluegreen-watch", PASSWD, GROUP))
        .contains(Set.of("bluegreen-watch", "adm"));
  }

  @Test
  void noSuchUser() {
    assertThat(Host.groupsOf("nobody-here", PASSWD, GROUP)).isEqualTo(Optional.empty());
  }
}

// SPDX-License-Identifier: Apache-2.0
// A fake root with one person, alice, for the home family's tests. Files a test writes belong to
// the test process; alice's uid is that process's uid when it is not root (so the files are hers)
// and 1000 otherwise (files then belong to root, which the checks accept as owner).
#pragma once

#include <string>

#include <unistd.h>

#include <fmt/format.h>

#include "support/fixture.h"

namespace sw::test {

inline uint32_t alice_uid() {
  uid_t u = ::geteuid();
  return u == 0 ? 1000 : static_cast<uint32_t>(u);
}

// /etc/passwd with root and alice (home /home/alice, personal group alice), and both homes.
inline void add_alice(FixtureRoot& root, bool make_home = true) {
  uint32_t uid = alice_uid();
  root.write("/etc/passwd", fmt::format("root:x:0:0:root:/root:/bin/bash\n"
                                        "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
                                        "alice:x:{0}:{0}:Alice:/home/alice:/bin/bash\n",
                                        uid));
  root.write("/etc/group", fmt::format("root:x:0:\ndaemon:x:1:\nalice:x:{0}:\n", uid));
  root.mkdir("/root", 0700);
  if (make_home) root.mkdir("/home/alice", 0750);
}

}  // namespace sw::test

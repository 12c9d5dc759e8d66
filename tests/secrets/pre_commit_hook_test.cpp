// SPDX-License-Identifier: Apache-2.0
// Tests of hooks/pre-commit: it runs `shieldwall secrets --staged`, passes its exit status
// through and honours SHIELDWALL_SKIP=1. A stand-in `shieldwall` script records its arguments
// and exits with the status the test asks for.
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <sys/wait.h>

#include <gtest/gtest.h>

#include "support/fixture.h"

namespace {

class PreCommitHook : public ::testing::Test {
 protected:
  void SetUp() override {
    root_.write("/bin/shieldwall",
                "#!/bin/sh\n"
                "echo \"$@\" > \"$(dirname \"$0\")/../args\"\n"
                "exit \"${FAKE_STATUS:-0}\"\n",
                0755);
  }

  // Runs the hook with the stand-in first in PATH; returns its exit status.
  int run(const std::string& env) {
    const std::string cmd = "cd '" + root_.path() + "' && env PATH='" + root_.path() +
                            "/bin:/usr/bin:/bin' " + env +
                            " sh '" SW_SOURCE_DIR "/hooks/pre-commit' >/dev/null 2>&1";
    const int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  std::string args() const {
    std::ifstream in(root_.path() + "/args");
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

  sw::test::FixtureRoot root_;
};

TEST_F(PreCommitHook, ScansTheStagedChangesAndPassesTheStatusThrough) {
  EXPECT_EQ(run("FAKE_STATUS=0"), 0);
  EXPECT_EQ(args(), "secrets --staged\n");
  EXPECT_EQ(run("FAKE_STATUS=1"), 1);
  EXPECT_EQ(run("FAKE_STATUS=2"), 2);
}

TEST_F(PreCommitHook, SkipsWhenAsked) {
  EXPECT_EQ(run("FAKE_STATUS=1 SHIELDWALL_SKIP=1"), 0);
  EXPECT_EQ(args(), "");  // not run at all
  EXPECT_EQ(run("FAKE_STATUS=1 SHIELDWALL_SKIP=0"), 1);
}

TEST_F(PreCommitHook, BlocksWhenTheBinaryIsMissing) {
  EXPECT_EQ(run("SHIELDWALL=/nonexistent/shieldwall"), 127);
  EXPECT_EQ(run("SHIELDWALL='" + root_.path() + "/bin/shieldwall' FAKE_STATUS=1"), 1);
}

}  // namespace

// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/environment.h"

#include <gtest/gtest.h>

#include "scan/context.h"
#include "support/fixture.h"

namespace sw::scan {
namespace {

using test::FixtureRoot;

Environment load(const FixtureRoot& root, bool live) {
  Host host = root.host(live);
  ScanContext ctx(host, {});
  return *Environment::load(ctx);
}

TEST(Environment, DockerMarkerInAnImage) {
  FixtureRoot root;
  root.write("/.dockerenv", "");
  auto env = load(root, false);
  EXPECT_EQ(env.container, "docker");
  EXPECT_TRUE(env.in_container());
  EXPECT_EQ(env.tags()[0], "image");
}

TEST(Environment, InitialPidNamespaceIsNotAContainerDespiteMarker) {
  FixtureRoot root;
  root.write("/.dockerenv", "");
  root.symlink("pid:[4026531836]", "/proc/self/ns/pid");
  EXPECT_EQ(load(root, true).container, "");
  FixtureRoot nested;
  nested.write("/.dockerenv", "");
  nested.symlink("pid:[4026532200]", "/proc/self/ns/pid");
  EXPECT_EQ(load(nested, true).container, "docker");
}

TEST(Environment, SystemdContainerFileAndWsl) {
  FixtureRoot root;
  root.write("/run/systemd/container", "systemd-nspawn\n");
  root.write("/proc/sys/kernel/osrelease", "5.15.90.1-microsoft-standard-WSL2\n");
  auto env = load(root, true);
  EXPECT_EQ(env.container, "systemd-nspawn");
  EXPECT_TRUE(env.wsl);
}

TEST(Environment, VirtualMachineFromDmiAndSystemd) {
  FixtureRoot root;
  root.write("/sys/class/dmi/id/sys_vendor", "QEMU\n");
  root.mkdir("/run/systemd/system");
  root.write("/lib/systemd/systemd", "", 0755);
  auto env = load(root, true);
  EXPECT_EQ(env.virt, "qemu");
  EXPECT_TRUE(env.systemd_running);
  EXPECT_TRUE(env.systemd_installed);
  EXPECT_EQ(env.tags(), (std::vector<std::string>{"vm:qemu", "systemd"}));
}

}  // namespace
}  // namespace sw::scan

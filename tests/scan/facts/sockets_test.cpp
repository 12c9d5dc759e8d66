// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/sockets.h"

#include <gtest/gtest.h>

#include "scan/context.h"
#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kHeader =
    "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout "
    "inode\n";

TEST(ProcNetParser, DecodesIpv4LittleEndianAndBigEndianPort) {
  std::vector<Error> errors;
  std::string text = std::string(kHeader) +
                     "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  "
                     "1000        0 4242 1 0000000000000000 100 0 0 10 0\n";
  auto s = scan::parse_proc_net(text, "tcp", "/proc/net/tcp", errors);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(s[0].address, "127.0.0.1");
  EXPECT_EQ(s[0].port, 8080);
  EXPECT_EQ(s[0].uid, 1000u);
  EXPECT_EQ(s[0].inode, 4242u);
  EXPECT_EQ(s[0].line, 2);
  EXPECT_TRUE(s[0].listening());
  EXPECT_TRUE(s[0].loopback());
  EXPECT_FALSE(s[0].wildcard());
}

TEST(ProcNetParser, DecodesIpv6Words) {
  std::vector<Error> errors;
  std::string text = std::string(kHeader) +
                     "   0: 00000000000000000000000001000000:0016 "
                     "00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 "
                     "00000000     0        0 1 1\n"
                     "   1: 00000000000000000000000000000000:0016 "
                     "00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 "
                     "00000000     0        0 2 1\n"
                     "   2: 0000000000000000FFFF00000100007F:0019 "
                     "00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 "
                     "00000000     0        0 3 1\n"
                     "   3: B80D0120000000000000000001000000:0050 "
                     "00000000000000000000000000000000:0000 01 00000000:00000000 00:00000000 "
                     "00000000     0        0 4 1\n";
  auto s = scan::parse_proc_net(text, "tcp6", "/proc/net/tcp6", errors);
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0].address, "::1");
  EXPECT_TRUE(s[0].loopback());
  EXPECT_EQ(s[1].address, "::");
  EXPECT_TRUE(s[1].wildcard());
  EXPECT_EQ(s[2].address, "::ffff:127.0.0.1");
  EXPECT_TRUE(s[2].loopback());
  EXPECT_EQ(s[3].address, "2001:db8::1");
  EXPECT_FALSE(s[3].listening());  // ESTABLISHED
}

TEST(ProcNetParser, UdpBoundUnconnectedCountsAsListening) {
  std::vector<Error> errors;
  std::string text = std::string(kHeader) +
                     "  10: 00000000:0044 00000000:0000 07 00000000:00000000 00:00000000 00000000  "
                     "   0        0 77 2\n"
                     "  11: 0100007F:8000 0101A8C0:0035 01 00000000:00000000 00:00000000 00000000  "
                     "   0        0 78 2\n";
  auto s = scan::parse_proc_net(text, "udp", "/proc/net/udp", errors);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_TRUE(s[0].listening());
  EXPECT_EQ(s[0].port, 68);
  EXPECT_FALSE(s[1].listening());
}

TEST(ProcNetParser, MalformedLinesAreReportedAndSkipped) {
  std::vector<Error> errors;
  std::string text = std::string(kHeader) + "garbage\n" +
                     "   0: ZZZZ:0016 00000000:0000 0A 0:0 0:0 0 0 0 5 1\n" +
                     "   1: 00000000:0016 00000000:0000 0A 0:0 0:0 0 0 0 6 1\n";
  auto s = scan::parse_proc_net(text, "tcp", "/proc/net/tcp", errors);
  ASSERT_EQ(s.size(), 1u);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].line(), 2);
  EXPECT_EQ(errors[1].to_string(), "/proc/net/tcp:3: malformed local address");
}

TEST(ProcNetParser, SocketLinkInode) {
  EXPECT_EQ(scan::socket_inode_of_link("socket:[12345]"), 12345u);
  EXPECT_EQ(scan::socket_inode_of_link("pipe:[12345]"), 0u);
  EXPECT_EQ(scan::socket_inode_of_link("socket:[]"), 0u);
}

TEST(SocketsFact, MapsInodesToProcesses) {
  FixtureRoot root;
  root.write("/proc/net/tcp",
             std::string(kHeader) + "   0: 00000000:0016 00000000:0000 0A 0:0 0:0 0 0 0 999 1\n");
  root.write("/proc/123/comm", "sshd\n");
  root.mkdir("/proc/123/fd");
  root.symlink("socket:[999]", "/proc/123/fd/3");
  root.symlink("/dev/null", "/proc/123/fd/0");
  Host host = root.host(true);
  scan::ScanContext ctx(host, {});
  const auto& s = ctx.fact<scan::Sockets>();
  ASSERT_TRUE(s);
  ASSERT_TRUE(s->available);
  ASSERT_EQ(s->listening.size(), 1u);
  EXPECT_EQ(s->listening[0].pid, 123);
  EXPECT_EQ(s->listening[0].comm, "sshd");
}

TEST(SocketsFact, ImageModeIsUnavailable) {
  FixtureRoot root;
  root.write("/proc/net/tcp", kHeader);
  Host host = root.host(false);
  scan::ScanContext ctx(host, {});
  const auto& s = ctx.fact<scan::Sockets>();
  ASSERT_TRUE(s);
  EXPECT_FALSE(s->available);
}

}  // namespace
}  // namespace sw::test

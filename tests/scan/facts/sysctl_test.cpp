// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/sysctl.h"

#include <gtest/gtest.h>

#include "scan/context.h"
#include "support/fixture.h"

namespace sw::scan {
namespace {

TEST(SysctlParse, SyntaxOfSysctlD) {
  std::vector<Error> errors;
  auto a = parse_sysctl_conf(
      "# comment\n; also a comment\n\n  net.ipv4.ip_forward =  1  \n-kernel.foo=bar baz\n"
      "net/ipv4/conf/eth0.10/rp_filter = 2\nnet.ipv4.conf.*.rp_filter = 1\nno equals here\n"
      " = 3\n",
      "/etc/sysctl.d/a.conf", errors);
  ASSERT_EQ(a.size(), 4u);
  EXPECT_EQ(a[0].key, "net/ipv4/ip_forward");
  EXPECT_EQ(a[0].value, "1");
  EXPECT_EQ(a[0].line, 4);
  EXPECT_TRUE(a[1].ignore_errors);
  EXPECT_EQ(a[1].value, "bar baz");
  EXPECT_EQ(a[2].key, "net/ipv4/conf/eth0.10/rp_filter");
  EXPECT_TRUE(a[3].glob);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].line(), 8);
  EXPECT_EQ(errors[1].line(), 9);
}

TEST(SysctlParse, KeyForms) {
  EXPECT_EQ(sysctl_path_key("net.ipv4.conf.eth0/10.rp_filter"), "net/ipv4/conf/eth0.10/rp_filter");
  EXPECT_EQ(sysctl_path_key("net/ipv4/conf/eth0.10/rp_filter"), "net/ipv4/conf/eth0.10/rp_filter");
  EXPECT_EQ(sysctl_dotted_key("net/ipv4/conf/eth0.10/rp_filter"),
            "net.ipv4.conf.eth0/10.rp_filter");
  EXPECT_EQ(sysctl_path_key("kernel"), "kernel");
}

class SysctlLoad : public ::testing::Test {
 protected:
  std::optional<SysctlSetting> persisted(std::string_view key, bool live = false) {
    Host h = root_.host(live);
    ScanContext ctx(h, {});
    const auto& s = ctx.fact<Sysctl>();
    EXPECT_TRUE(s.has_value());
    errors_ = ctx.input_errors();
    return s->persisted(key);
  }
  sw::test::FixtureRoot root_;
  std::vector<std::string> errors_;
};

TEST_F(SysctlLoad, OrderIsByFileNameAcrossDirectories) {
  root_.write("/usr/lib/sysctl.d/90-vendor.conf", "net.ipv4.ip_forward = 1\n");
  root_.write("/etc/sysctl.d/10-admin.conf", "net.ipv4.ip_forward = 0\n");
  auto s = persisted("net.ipv4.ip_forward");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->value, "1");
  EXPECT_EQ(s->file, "/usr/lib/sysctl.d/90-vendor.conf");
}

TEST_F(SysctlLoad, EarlierDirectoryMasksSameName) {
  root_.write("/usr/lib/sysctl.d/50-x.conf", "kernel.kptr_restrict = 0\n");
  root_.write("/etc/sysctl.d/50-x.conf", "kernel.kptr_restrict = 2\n");
  auto s = persisted("kernel.kptr_restrict");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->value, "2");
}

TEST_F(SysctlLoad, DevNullSymlinkMasks) {
  root_.write("/usr/lib/sysctl.d/50-x.conf", "kernel.kptr_restrict = 0\n");
  root_.symlink("/dev/null", "/etc/sysctl.d/50-x.conf");
  EXPECT_FALSE(persisted("kernel.kptr_restrict"));
}

TEST_F(SysctlLoad, SysctlConfIsLastUnlessLinked) {
  root_.write("/etc/sysctl.conf", "kernel.kptr_restrict = 1\n");
  root_.write("/etc/sysctl.d/99-zzz.conf", "kernel.kptr_restrict = 2\n");
  auto s = persisted("kernel.kptr_restrict");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->value, "1");
  EXPECT_EQ(s->file, "/etc/sysctl.conf");
}

TEST_F(SysctlLoad, LinkedSysctlConfAppliedOnceAtItsPlace) {
  root_.write("/etc/sysctl.conf", "kernel.kptr_restrict = 1\n");
  root_.symlink("../sysctl.conf", "/etc/sysctl.d/99-sysctl.conf");
  root_.write("/etc/sysctl.d/99-zzz.conf", "kernel.kptr_restrict = 2\n");
  auto s = persisted("kernel.kptr_restrict");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->value, "2");
  root_.write("/etc/sysctl.d/99-zzz.conf", "\n");
  s = persisted("kernel.kptr_restrict");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->file, "/etc/sysctl.conf");
}

TEST_F(SysctlLoad, ExplicitBeatsGlobLastGlobWins) {
  root_.write("/etc/sysctl.d/10.conf",
              "net.ipv4.conf.all.rp_filter = 0\nnet.ipv4.conf.*.rp_filter = 1\n");
  root_.write("/etc/sysctl.d/20.conf", "net/ipv4/conf/*/rp_filter = 2\n");
  EXPECT_EQ(persisted("net.ipv4.conf.all.rp_filter")->value, "0");
  auto d = persisted("net.ipv4.conf.default.rp_filter");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->value, "2");
  EXPECT_TRUE(d->glob);
}

TEST_F(SysctlLoad, MalformedLineIsReportedWithFileAndLine) {
  root_.write("/etc/sysctl.d/10.conf", "kernel.kptr_restrict = 1\ngarbage\n");
  EXPECT_TRUE(persisted("kernel.kptr_restrict"));
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_EQ(errors_[0], "/etc/sysctl.d/10.conf:2: not an assignment (no '='), ignored");
}

}  // namespace
}  // namespace sw::scan

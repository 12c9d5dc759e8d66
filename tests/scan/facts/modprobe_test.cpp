// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/modprobe.h"

#include <gtest/gtest.h>

#include "scan/context.h"
#include "support/fixture.h"

namespace sw::scan {
namespace {

TEST(ModprobeParse, Commands) {
  std::vector<Error> errors;
  auto d = parse_modprobe_conf(
      "# c\ninstall usb-storage /bin/false\nblacklist hfs\noptions snd index=1\n"
      "install cramfs \\\n  /bin/true\nfrobnicate x\ninstall udf\nalias fs-foo foo\n",
      "/etc/modprobe.d/a.conf", errors);
  ASSERT_EQ(d.size(), 5u);
  EXPECT_EQ(d[0].command, "install");
  EXPECT_EQ(d[0].module, "usb_storage");
  EXPECT_EQ(d[0].args, "/bin/false");
  EXPECT_EQ(d[1].module, "hfs");
  EXPECT_EQ(d[3].module, "cramfs");
  EXPECT_EQ(d[3].line, 5);
  EXPECT_TRUE(install_disables(d[3].args));
  EXPECT_EQ(d[4].command, "alias");
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].line(), 7);
  EXPECT_EQ(errors[1].line(), 8);
}

TEST(ModprobeParse, InstallDisables) {
  EXPECT_TRUE(install_disables("/bin/false"));
  EXPECT_TRUE(install_disables("/usr/bin/true  "));
  EXPECT_FALSE(install_disables("/sbin/modprobe --ignore-install hfs"));
  EXPECT_FALSE(install_disables(""));
}

TEST(ModprobeParse, ModuleList) {
  auto m = parse_module_list(
      "kernel/fs/hfs/hfs.ko.xz: kernel/fs/nls/nls_base.ko\nkernel/drivers/usb/storage/"
      "usb-storage.ko\nbogus line\n.ko\n");
  EXPECT_EQ(m, (std::set<std::string>{"hfs", "usb_storage"}));
}

TEST(ModprobeLoad, MaskingAndFirstInstallWins) {
  sw::test::FixtureRoot root;
  root.write("/lib/modprobe.d/50-x.conf", "install hfs /bin/false\n");
  root.write("/etc/modprobe.d/50-x.conf", "blacklist hfs\n");
  root.write("/etc/modprobe.d/10-a.conf", "install hfs* /bin/true\n");
  root.write("/usr/lib/modprobe.d/90-b.conf", "install hfsplus /bin/sh\n");
  Host h = root.host();
  ScanContext ctx(h, {});
  const auto& mp = ctx.fact<Modprobe>();
  ASSERT_TRUE(mp);
  EXPECT_EQ(mp->files.size(), 3u);
  ASSERT_NE(mp->install_for("hfsplus"), nullptr);
  EXPECT_EQ(mp->install_for("hfsplus")->file, "/etc/modprobe.d/10-a.conf");
  EXPECT_NE(mp->blacklist_for("hfs"), nullptr);
  EXPECT_EQ(mp->install_for("udf"), nullptr);
}

}  // namespace
}  // namespace sw::scan

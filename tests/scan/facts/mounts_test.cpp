// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/mounts.h"

#include <gtest/gtest.h>

namespace sw::scan {
namespace {

TEST(MountsParse, FstabFieldsEscapesAndDefaults) {
  std::vector<Error> errors;
  auto e = parse_fstab(
      "# c\n\nUUID=\"ab-cd\" / ext4 errors=remount-ro 0 1\n"
      "LABEL=data /mnt/my\\040disk ext4\n/dev/sdb1 /x\n",
      "/etc/fstab", errors);
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].source, "UUID=ab-cd");
  EXPECT_EQ(e[0].line, 3);
  EXPECT_EQ(e[1].target, "/mnt/my disk");
  EXPECT_EQ(e[1].options, std::vector<std::string>{"defaults"});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].line(), 5);
}

TEST(MountsParse, FlagsFollowMountOrder) {
  auto f = mount_flags({"user", "exec"});
  EXPECT_TRUE(f.nodev);
  EXPECT_TRUE(f.nosuid);
  EXPECT_FALSE(f.noexec);
  f = mount_flags({"nodev", "defaults"});
  EXPECT_FALSE(f.nodev);
  EXPECT_EQ(missing_options(mount_flags({"nosuid"}), true, true, true), "nodev,noexec");
}

TEST(MountsParse, OptionsKeepQuotedCommas) {
  std::vector<Error> errors;
  auto e = parse_fstab("/dev/a /b ext4 context=\"a,b\",nodev 0 0\n", "f", errors);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].options.size(), 2u);
}

TEST(MountsParse, Crypttab) {
  std::vector<Error> errors;
  auto c = parse_crypttab("sda3_crypt UUID=x none luks\ncswap /dev/sda5 /dev/urandom swap\nbad\n",
                          "/etc/crypttab", errors);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_FALSE(c[0].random_key());
  EXPECT_TRUE(c[1].random_key());
  EXPECT_EQ(errors.size(), 1u);
}

TEST(MountsParse, ProcSwapsAndOctal) {
  std::vector<Error> errors;
  auto s = parse_proc_swaps("Filename Type Size Used Priority\n/swap\\040file file 10 0 -2\n",
                            "/proc/swaps", errors);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].source, "/swap file");
  EXPECT_EQ(unescape_octal("a\\134b\\04"), "a\\b\\04");
}

}  // namespace
}  // namespace sw::scan

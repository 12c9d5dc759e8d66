// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/accounts.h"

#include <gtest/gtest.h>

namespace sw::scan {
namespace {

Accounts parse(std::string_view passwd, std::string_view shadow, std::vector<Error>& errors) {
  Accounts a;
  parse_passwd(passwd, a, errors);
  parse_shadow(shadow, a, errors);
  return a;
}

TEST(AccountsFact, ShadowStatesAndSchemes) {
  std::vector<Error> errors;
  auto a = parse(
      "root:x:0:0::/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/bash\n"
      "bob:x:1001:1001::/home/bob:/bin/bash\ndaemon:x:1:1::/:/usr/sbin/nologin\n",
      "root:$y$j9T$abc$def:19000:0:99999:7:::\nalice::19000::::::\n"
      "bob:!$1$salt$hash:19000::::::\ndaemon:*:19000::::::\n",
      errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(a.find("root")->state, PasswordState::kHash);
  EXPECT_EQ(a.find("root")->scheme, "yescrypt");
  EXPECT_EQ(a.find("alice")->state, PasswordState::kEmpty);
  EXPECT_EQ(a.find("bob")->state, PasswordState::kLocked);
  EXPECT_EQ(a.find("bob")->scheme, "md5");
  EXPECT_EQ(a.find("daemon")->state, PasswordState::kLocked);
  EXPECT_FALSE(a.find("daemon")->has_login_shell());
  EXPECT_EQ(a.find("root")->max_days, 99999);
}

// glibc and pam_unix use the passwd field itself when it is not "x": shadow does not override it.
TEST(AccountsFact, NonShadowedPasswdFieldDecides) {
  std::vector<Error> errors;
  auto a = parse("eve::1002:1002::/home/eve:/bin/sh\n", "eve:$6$s$h:19000::::::\n", errors);
  EXPECT_FALSE(a.find("eve")->shadowed);
  EXPECT_EQ(a.find("eve")->state, PasswordState::kEmpty);
}

TEST(AccountsFact, FirstShadowEntryWinsLikeGetspnam) {
  std::vector<Error> errors;
  auto a = parse("root:x:0:0::/root:/bin/bash\n", "root:$6$s$h:19000::::::\nroot::19000::::::\n",
                 errors);
  EXPECT_EQ(a.find("root")->state, PasswordState::kHash);
  EXPECT_EQ(a.find("root")->shadow_line, 1);
}

TEST(AccountsFact, MalformedLinesAreReportedWithLineNumbers) {
  std::vector<Error> errors;
  auto a = parse("root:x:0:0::/root:/bin/bash\nbad:x:notanumber:0::/:/bin/sh\n+nis\n",
                 "root:$6$s$h:19000\n", errors);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].to_string(), "/etc/passwd:2: malformed name, UID or GID");
  EXPECT_EQ(errors[1].to_string(), "/etc/shadow:1: 3 fields, expected 9");
  EXPECT_EQ(a.accounts.size(), 1u);
}

TEST(AccountsFact, CryptSchemes) {
  EXPECT_EQ(crypt_scheme("$6$x$y"), "sha512");
  EXPECT_EQ(crypt_scheme("$5$x$y"), "sha256");
  EXPECT_EQ(crypt_scheme("$2b$10$abc"), "bcrypt");
  EXPECT_EQ(crypt_scheme("abJnggxhB/yWI"), "des");
  EXPECT_EQ(crypt_scheme("_J9..CCCCXBrJUJV154M"), "bsdi-des");
  EXPECT_EQ(crypt_scheme("$1$s$h"), "md5");
  EXPECT_EQ(crypt_scheme("garbage"), "unknown");
}

TEST(AccountsFact, Groups) {
  Accounts a;
  std::vector<Error> errors;
  parse_group("root:x:0:\nsudo:x:27:alice, bob\nbroken\n", a, errors);
  ASSERT_EQ(a.groups.size(), 2u);
  EXPECT_EQ(a.find_group("sudo")->members.size(), 2u);
  EXPECT_EQ(a.find_group("sudo")->members[1], "bob");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].line(), 3);
}

}  // namespace
}  // namespace sw::scan

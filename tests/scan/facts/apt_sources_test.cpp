// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/apt_sources.h"

#include <gtest/gtest.h>

namespace sw::test {
namespace {

TEST(AptSourcesParser, OneLineWithOptions) {
  std::vector<Error> errors;
  auto s = scan::parse_sources_list(
      "# comment\ndeb http://deb.debian.org/debian bookworm main contrib\n"
      "deb [ arch=amd64 signed-by=/etc/apt/keyrings/x.gpg trusted=yes ] https://x.example/ "
      "stable main # trailing\n"
      "deb-src http://deb.debian.org/debian bookworm main\nbogus line\ndeb http://only-uri\n",
      "/etc/apt/sources.list", errors);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].suites[0], "bookworm");
  EXPECT_EQ(s[0].components.size(), 2u);
  EXPECT_TRUE(s[1].option_yes("trusted"));
  EXPECT_EQ(s[1].option("signed-by"), "/etc/apt/keyrings/x.gpg");
  EXPECT_EQ(s[1].uris[0], "https://x.example/");
  EXPECT_EQ(s[2].types[0], "deb-src");
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].line(), 5);
}

TEST(AptSourcesParser, Deb822Stanzas) {
  std::vector<Error> errors;
  auto s = scan::parse_deb822_sources(
      "Types: deb deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm "
      "bookworm-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring."
      "gpg\n\n# disabled\nTypes: deb\nURIs: http://security.debian.org/debian-security\n"
      "Suites: bookworm-security\nComponents: main\nEnabled: no\nTrusted: yes\n"
      "Signed-By:\n -----BEGIN PGP PUBLIC KEY BLOCK-----\n .\n -----END PGP PUBLIC KEY BLOCK-----\n"
      "\nTypes: deb\n",
      "/etc/apt/sources.list.d/debian.sources", errors);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].types.size(), 2u);
  EXPECT_EQ(s[0].suites[1], "bookworm-updates");
  EXPECT_EQ(s[0].line, 1);
  EXPECT_FALSE(s[1].enabled);
  EXPECT_TRUE(s[1].option_yes("trusted"));
  EXPECT_NE(s[1].option("signed-by").find("begin pgp"), std::string::npos);
  ASSERT_EQ(errors.size(), 1u);  // the stanza without URIs
}

}  // namespace
}  // namespace sw::test

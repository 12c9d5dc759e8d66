// SPDX-License-Identifier: Apache-2.0
// One small literal export per password manager (header rows as those managers write them), then
// broken CSV, unknown headers and password reuse.
#include "password/vault/vault.h"

#include <string>

#include <gtest/gtest.h>

#include "password/temp_dir.h"

namespace sw::password {
namespace {

Vault parse_ok(std::string_view csv, const char* name = "export.csv") {
  auto v = parse_vault(csv, name);
  EXPECT_TRUE(v) << (v ? "" : v.error().to_string());
  return v ? std::move(*v) : Vault{};
}

TEST(Vault, Bitwarden) {
  const auto v = parse_ok(
      "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,"
      "login_totp\n"
      "Social,1,login,Twitter,,,0,https://twitter.com/login,alice,s3cret-A,\n"
      ",,login,\"Bank, main\",\"multi\nline note\",,0,https://www.Bank.example/,alice@x.org,"
      "\"pa\"\"ss\",\n"
      ",,note,My note,secret note text,,0,,,,\n");
  EXPECT_EQ(v.format, "bitwarden");
  ASSERT_EQ(v.entries.size(), 2u);
  EXPECT_EQ(v.entries[0].name, "Twitter");
  EXPECT_EQ(v.entries[0].username, "alice");
  EXPECT_EQ(v.entries[0].password.view(), "s3cret-A");
  EXPECT_EQ(v.entries[0].line, 2u);
  EXPECT_EQ(v.entries[1].name, "Bank, main");
  EXPECT_EQ(v.entries[1].password.view(), "pa\"ss");
  EXPECT_EQ(v.entries[1].line, 3u);
  EXPECT_EQ(site_of(v.entries[1]), "bank.example");
  EXPECT_EQ(v.skipped_empty, 1u);
  EXPECT_EQ(v.skipped_malformed, 0u);
}

TEST(Vault, BitwardenOrganization) {
  const auto v = parse_ok(
      "collections,type,name,notes,fields,reprompt,login_uri,login_username,login_password,"
      "login_totp\r\n"
      "Ops,login,VPN,,,0,https://vpn.corp.example,bob,hunter2,\r\n");
  EXPECT_EQ(v.format, "bitwarden");
  ASSERT_EQ(v.entries.size(), 1u);
  EXPECT_EQ(v.entries[0].password.view(), "hunter2");
}

TEST(Vault, OnePassword) {
  const auto v = parse_ok(
      "Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes\n"
      "GitHub,https://github.com,alice, leading and trailing ,,false,false,,\n");
  EXPECT_EQ(v.format, "1password");
  ASSERT_EQ(v.entries.size(), 1u);
  EXPECT_EQ(v.entries[0].password.view(), " leading and trailing ") << "blanks are kept";
  EXPECT_EQ(site_of(v.entries[0]), "github.com");
}

TEST(Vault, KeePassXC) {
  const auto v = parse_ok(
      "\"Group\",\"Title\",\"Username\",\"Password\",\"URL\",\"Notes\",\"TOTP\",\"Icon\",\"Last "
      "Modified\",\"Created\"\n"
      "\"Root/Web\",\"Mail\",\"alice\",\"mail-pass\",\"https://mail.example.org:8443/inbox\",\"\","
      "\"\",\"0\",\"2024-01-01T00:00:00Z\",\"2023-01-01T00:00:00Z\"\n");
  EXPECT_EQ(v.format, "keepassxc");
  ASSERT_EQ(v.entries.size(), 1u);
  EXPECT_EQ(site_of(v.entries[0]), "mail.example.org");
}

TEST(Vault, KeePass2) {
  const auto v = parse_ok(
      "\xEF\xBB\xBF\"Account\",\"Login Name\",\"Password\",\"Web Site\",\"Comments\"\r\n"
      "\"Router\",\"admin\",\"admin123\",\"\",\"\"\r\n");
  EXPECT_EQ(v.format, "keepass");
  ASSERT_EQ(v.entries.size(), 1u);
  EXPECT_EQ(site_of(v.entries[0]), "Router") << "no URL: the name";
}

TEST(Vault, ChromeAndEdge) {
  const auto v = parse_ok(
      "name,url,username,password,note\n"
      "accounts.google.com,https://accounts.google.com/signin,alice@gmail.com,g00gle!,\n"
      "www.example.com,https://www.example.com/,alice,ex-pass,\n");
  EXPECT_EQ(v.format, "chrome");
  ASSERT_EQ(v.entries.size(), 2u);
  EXPECT_EQ(site_of(v.entries[1]), "example.com");
  EXPECT_EQ(parse_ok("name,url,username,password\nx,https://x.org,u,p\n").format, "chrome");
}

TEST(Vault, Firefox) {
  const auto v = parse_ok(
      "\"url\",\"username\",\"password\",\"httpRealm\",\"formActionOrigin\",\"guid\","
      "\"timeCreated\",\"timeLastUsed\",\"timePasswordChanged\"\n"
      "\"https://www.mozilla.org\",\"alice\",\"fx-pass\",,\"https://www.mozilla.org\","
      "\"{0b9c6e2a-1111-2222-3333-444455556666}\",\"1700000000000\",\"1700000000000\","
      "\"1700000000000\"\n");
  EXPECT_EQ(v.format, "firefox");
  ASSERT_EQ(v.entries.size(), 1u);
  EXPECT_EQ(site_of(v.entries[0]), "mozilla.org");
  EXPECT_EQ(v.entries[0].name, "");
}

TEST(Vault, UnknownHeaderNamesFileAndLineButNoData) {
  auto v = parse_vault("Example,https://e.org,bob,Tr0ub4dor\n", "dump.csv");
  ASSERT_FALSE(v);
  const std::string msg = v.error().to_string();
  EXPECT_NE(msg.find("dump.csv:1:"), std::string::npos) << msg;
  EXPECT_NE(msg.find("4 columns"), std::string::npos) << msg;
  EXPECT_EQ(msg.find("Tr0ub4dor"), std::string::npos) << "a data row must not be echoed";
  auto v2 = parse_vault("site,login,password\n", "x.csv");
  ASSERT_FALSE(v2);
  EXPECT_NE(v2.error().message().find("known column names: password"), std::string::npos);
  EXPECT_FALSE(parse_vault("", "empty.csv"));
}

TEST(Vault, BrokenQuoteMidFileKeepsTheRest) {
  auto v = parse_vault(
      "name,url,username,password\n"
      "a,https://a.org,u,pa\n"
      "b,https://b.org,u,\"pb\"junk\n"
      "c,https://c.org,u,pc\n",
      "chrome.csv");
  ASSERT_TRUE(v);
  ASSERT_EQ(v->entries.size(), 2u);
  EXPECT_EQ(v->entries[0].name, "a");
  EXPECT_EQ(v->entries[1].name, "c");
  EXPECT_EQ(v->entries[1].line, 4u);
  EXPECT_EQ(v->skipped_malformed, 1u);
  ASSERT_EQ(v->errors.size(), 1u);
  EXPECT_EQ(v->errors[0].rfind("chrome.csv:3: ", 0), 0u) << v->errors[0];
  EXPECT_EQ(v->errors[0].find("pb"), std::string::npos);
}

TEST(Vault, UnterminatedQuoteReparsesFollowingLines) {
  auto v = parse_vault(
      "name,url,username,password\n"
      "a,https://a.org,u,pa\n"
      "b,https://b.org,u,\"never closed\n"
      "c,https://c.org,u,pc\n"
      "d,https://d.org,u,pd\n",
      "chrome.csv");
  ASSERT_TRUE(v);
  ASSERT_EQ(v->entries.size(), 3u);
  EXPECT_EQ(v->entries[1].name, "c");
  EXPECT_EQ(v->entries[2].name, "d");
  ASSERT_EQ(v->errors.size(), 1u);
  EXPECT_EQ(v->errors[0].rfind("chrome.csv:3: unterminated", 0), 0u) << v->errors[0];
}

TEST(Vault, ShortRecordIsMalformed) {
  auto v = parse_vault("name,url,username,password\nonly,two\nx,https://x.org,u,p\n", "f.csv");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->entries.size(), 1u);
  EXPECT_EQ(v->skipped_malformed, 1u);
  EXPECT_EQ(v->errors.at(0).rfind("f.csv:2: ", 0), 0u);
}

TEST(Vault, ReusedAcrossSites) {
  const auto v = parse_ok(
      "name,url,username,password\n"
      "A,https://a.example,u,shared-1\n"         // 0
      "B,https://www.b.example/x,u,shared-1\n"   // 1
      "A2,https://a.example/other,v,shared-2\n"  // 2
      "A3,https://A.example,w,shared-2\n"        // 3: same site as 2 only
      "C,https://c.example,u,unique\n"           // 4
      "D,https://d.example,u,shared-1\n");       // 5
  const auto groups = group_reused_passwords(v);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0], (std::vector<std::size_t>{0, 1, 5}));
}

TEST(Vault, SiteOf) {
  VaultEntry e;
  e.name = "Fallback";
  e.url = "https://user:pw@WWW.Example.COM:8443/path?q#f";
  EXPECT_EQ(site_of(e), "example.com");
  e.url = "example.org/login";
  EXPECT_EQ(site_of(e), "example.org");
  e.url = "androidapp://com.example.app";
  EXPECT_EQ(site_of(e), "com.example.app");
  e.url = "";
  EXPECT_EQ(site_of(e), "Fallback");
  e.url = "http://[::1]:80/";
  EXPECT_EQ(site_of(e), "[::1]");
}

TEST(Vault, ReadFile) {
  testing::TempDir dir;
  auto v =
      read_vault_file(dir.write("bw.csv", "name,url,username,password\nx,https://x.org,u,p\n"));
  ASSERT_TRUE(v);
  EXPECT_EQ(v->entries.size(), 1u);
  EXPECT_EQ(v->file, (dir.path() / "bw.csv").string());
  auto missing = read_vault_file(dir.path() / "none.csv");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().to_string().find("none.csv"), std::string::npos);
}

}  // namespace
}  // namespace sw::password

// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/credential_files.h"

#include <gtest/gtest.h>

namespace sw::scan {
namespace {

TEST(Netrc, MachinesDefaultQuotesAndMacros) {
  auto n = parse_netrc(
      "machine example.com login alice password s3cret\n"
      "# a comment\n"
      "default login anon password \"quoted \\\" pw\"\n"
      "macdef init\n"
      "cd /pub\n"
      "binary\n"
      "\n"
      "machine other.org\n"
      "  login bob\n"
      "  password hunter22\n",
      "/home/a/.netrc");
  EXPECT_TRUE(n.errors.empty());
  ASSERT_EQ(n.entries.size(), 3u);
  EXPECT_EQ(n.entries[0].machine, "example.com");
  EXPECT_EQ(n.entries[0].login, "alice");
  EXPECT_EQ(n.entries[0].password_line, 1);
  EXPECT_EQ(n.entries[0].password_length, 6u);
  EXPECT_EQ(n.entries[1].machine, "default");
  EXPECT_EQ(n.entries[1].line, 3);
  EXPECT_EQ(n.entries[1].password_length, 11u);
  EXPECT_EQ(n.entries[2].machine, "other.org");
  EXPECT_EQ(n.entries[2].line, 8);
  EXPECT_EQ(n.entries[2].login, "bob");
  EXPECT_EQ(n.entries[2].password_line, 10);
  EXPECT_EQ(n.entries[2].password_length, 8u);
}

TEST(Netrc, ErrorsNeverCarryTheToken) {
  auto n = parse_netrc("password early\nmachine m passwd topsecret\nmachine", "/n");
  ASSERT_EQ(n.entries.size(), 1u);
  EXPECT_EQ(n.entries[0].password_line, 0);
  ASSERT_EQ(n.errors.size(), 4u);
  EXPECT_EQ(n.errors[0].line(), 1);
  for (const auto& e : n.errors) {
    EXPECT_EQ(e.to_string().find("topsecret"), std::string::npos) << e.to_string();
    EXPECT_EQ(e.to_string().find("early"), std::string::npos) << e.to_string();
  }
  EXPECT_EQ(n.errors[3].message(), "\"machine\" without a value");
}

TEST(Netrc, UnterminatedQuote) {
  auto n = parse_netrc("machine m password \"abc", "/n");
  ASSERT_EQ(n.errors.size(), 1u);
  EXPECT_EQ(n.errors[0].message(), "unterminated quoted string");
}

TEST(GitCredentials, UrlsWithAndWithoutPasswords) {
  auto g = parse_git_credentials(
      "https://alice:ghp_abcdefgh@github.com\n"
      "https://bob@gitlab.com\n"
      "not a url\n"
      "https://carol:p%40ss@example.org:8443/path\n"
      "\n",
      "/g");
  ASSERT_EQ(g.entries.size(), 3u);
  EXPECT_EQ(g.entries[0].user, "alice");
  EXPECT_EQ(g.entries[0].host, "github.com");
  EXPECT_EQ(g.entries[0].password_length, 12u);
  EXPECT_EQ(g.entries[1].user, "bob");
  EXPECT_EQ(g.entries[1].password_length, 0u);
  EXPECT_EQ(g.entries[2].host, "example.org:8443");
  EXPECT_EQ(g.entries[2].password_length, 4u);
  EXPECT_EQ(g.entries[2].line, 4);
  ASSERT_EQ(g.errors.size(), 1u);
  EXPECT_EQ(g.errors[0].line(), 3);
}

TEST(GitCredentials, AtAfterSlashIsNotUserInfo) {
  auto g = parse_git_credentials("https://host/path@x:y\n", "/g");
  ASSERT_EQ(g.entries.size(), 1u);
  EXPECT_EQ(g.entries[0].host, "host");
  EXPECT_EQ(g.entries[0].password_length, 0u);
}

TEST(Pgpass, FieldsEscapesAndBadLines) {
  auto p = parse_pgpass(
      "# comment\n"
      "localhost:5432:*:alice:pw\\:with\\\\colon\n"
      "db.example.com:*:app:app:\n"
      "broken:line\n"
      "h\\:x:1:d:u:p\n",
      "/p");
  ASSERT_EQ(p.entries.size(), 3u);
  EXPECT_EQ(p.entries[0].host, "localhost");
  EXPECT_EQ(p.entries[0].user, "alice");
  EXPECT_EQ(p.entries[0].password_length, 13u);
  EXPECT_EQ(p.entries[0].line, 2);
  EXPECT_EQ(p.entries[1].password_length, 0u);
  EXPECT_EQ(p.entries[2].host, "h:x");
  EXPECT_EQ(p.entries[2].password_length, 1u);
  ASSERT_EQ(p.errors.size(), 1u);
  EXPECT_EQ(p.errors[0].line(), 4);
}

TEST(AwsCredentials, ProfilesSecretsAndTokens) {
  auto a = parse_aws_credentials(
      "[default]\n"
      "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
      "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"
      "\n"
      "[temp]\n"
      "aws_access_key_id=ASIAXXXX\n"
      "aws_secret_access_key=abc\n"
      "aws_session_token=tok\n"
      "; comment\n"
      "[sso]\n"
      "sso_session = x\n"
      "garbage\n",
      "/a");
  ASSERT_EQ(a.profiles.size(), 3u);
  EXPECT_EQ(a.profiles[0].name, "default");
  EXPECT_EQ(a.profiles[0].access_key_prefix, "AKIA");
  EXPECT_EQ(a.profiles[0].secret_line, 3);
  EXPECT_EQ(a.profiles[0].secret_length, 40u);
  EXPECT_FALSE(a.profiles[0].session_token);
  EXPECT_TRUE(a.profiles[1].session_token);
  EXPECT_EQ(a.profiles[1].secret_line, 7);
  EXPECT_EQ(a.profiles[2].secret_line, 0);
  ASSERT_EQ(a.errors.size(), 1u);
  EXPECT_EQ(a.errors[0].line(), 12);
}

TEST(AwsCredentials, ConfigFileProfilesAndNestedValues) {
  auto a = parse_aws_credentials(
      "[profile work]\n"
      "aws_secret_access_key = x\n"
      "[sso-session s]\n"
      "aws_secret_access_key = y\n"
      "[default]\n"
      "region = eu-west-1\n"
      "s3 =\n"
      "  max_concurrent_requests = 10\n"
      "  no equals here\n",
      "/c", true);
  EXPECT_TRUE(a.errors.empty());
  ASSERT_EQ(a.profiles.size(), 2u);
  EXPECT_EQ(a.profiles[0].name, "work");
  EXPECT_EQ(a.profiles[0].secret_line, 2);
  EXPECT_EQ(a.profiles[1].name, "default");
  EXPECT_EQ(a.profiles[1].secret_line, 0);
}

TEST(AwsCredentials, SettingBeforeSection) {
  auto a = parse_aws_credentials("aws_secret_access_key = z\n", "/a");
  EXPECT_TRUE(a.profiles.empty());
  ASSERT_EQ(a.errors.size(), 1u);
}

TEST(DockerConfig, AuthsHelpersAndTokens) {
  auto d = parse_docker_config(
      R"({"auths":{"registry.example.com":{"auth":"YWxpY2U6c2VjcmV0cGFzcw=="},"ghcr.io":{},
          "quay.io":{"identitytoken":"tok"}},"credHelpers":{"quay.io":"ecr-login"}})",
      "/d");
  EXPECT_TRUE(d.errors.empty());
  ASSERT_EQ(d.auths.size(), 2u);
  EXPECT_EQ(d.auths[0].registry, "quay.io");  // nlohmann orders object keys
  EXPECT_TRUE(d.auths[0].has_token);
  EXPECT_EQ(d.auths[0].helper, "ecr-login");
  EXPECT_EQ(d.auths[1].registry, "registry.example.com");
  EXPECT_TRUE(d.auths[1].has_auth);
  EXPECT_EQ(d.auths[1].user, "alice");
  EXPECT_EQ(d.auths[1].password_length, 10u);
  EXPECT_EQ(d.auths[1].helper, "");
}

TEST(DockerConfig, CredsStoreAndEmptyEntries) {
  auto d = parse_docker_config(
      R"({"auths":{"https://index.docker.io/v1/":{}},"credsStore":"desktop"})", "/d");
  EXPECT_TRUE(d.auths.empty());
  EXPECT_EQ(d.creds_store, "desktop");
}

TEST(DockerConfig, MalformedInput) {
  EXPECT_EQ(parse_docker_config("{", "/d").errors.size(), 1u);
  EXPECT_EQ(parse_docker_config("[]", "/d").errors.size(), 1u);
  EXPECT_EQ(parse_docker_config(R"({"auths":[]})", "/d").errors.size(), 1u);
  auto d = parse_docker_config(R"({"auths":{"r":{"auth":"***"}, "s": 3}})", "/d");
  ASSERT_EQ(d.auths.size(), 1u);
  EXPECT_TRUE(d.auths[0].has_auth);
  EXPECT_EQ(d.errors.size(), 1u);
}

}  // namespace
}  // namespace sw::scan

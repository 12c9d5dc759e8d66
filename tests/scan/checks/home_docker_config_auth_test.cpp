// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "scan/home_fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.home.docker_config_auth";

TEST(HomeDockerConfigAuth, FailsOnBase64Credentials) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.docker/config.json",
             R"({"auths": {"registry.example.com": {"auth": "YWxpY2U6c2VjcmV0cGFzcw=="}}})", 0600);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].evidence,
            "registry registry.example.com: base64 \"auth\" with user alice and a password of 10 "
            "characters (/home/alice/.docker/config.json)");
  EXPECT_EQ(r.issues[0].owner_name, "alice");
}

TEST(HomeDockerConfigAuth, StaleCopyBesideAHelperStillFails) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.docker/config.json",
             R"({"auths": {"r.io": {"auth": "dTpw"}}, "credsStore": "secretservice"})", 0600);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("stale"), std::string::npos);
}

TEST(HomeDockerConfigAuth, PassesWithHelper) {
  FixtureRoot root;
  add_alice(root);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
  root.write("/home/alice/.docker/config.json",
             R"({"auths": {"https://index.docker.io/v1/": {}}, "credsStore": "pass"})", 0600);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(HomeDockerConfigAuth, MalformedJsonIsReported) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.docker/config.json", "{\"auths\": ", 0600);
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass);
  ASSERT_EQ(r.input_errors.size(), 1u);
  EXPECT_NE(r.input_errors[0].find("/home/alice/.docker/config.json"), std::string::npos);
}

}  // namespace
}  // namespace sw::test

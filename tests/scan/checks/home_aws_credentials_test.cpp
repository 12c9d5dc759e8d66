// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "scan/home_fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.home.aws_credentials";

TEST(HomeAwsCredentials, FailsOnStaticKeysInBothFiles) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.aws/credentials",
             "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
             "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n",
             0600);
  root.write("/home/alice/.aws/config",
             "[profile ci]\naws_access_key_id = ASIAEXAMPLE\naws_secret_access_key = abc\n"
             "aws_session_token = tok\n[sso-session corp]\nsso_region = eu-west-1\n",
             0600);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[0].evidence,
            "static secret access key for profile default (/home/alice/.aws/credentials:3), key "
            "id AKIA..., 40 characters");
  EXPECT_EQ(r.issues[0].evidence.find("wJal"), std::string::npos);
  EXPECT_NE(r.issues[1].evidence.find("temporary"), std::string::npos);
  EXPECT_LT(r.issues[1].risk_delta, 0.0);
  EXPECT_EQ(r.issues[1].owner_name, "alice");
}

TEST(HomeAwsCredentials, PassesWithSso) {
  FixtureRoot root;
  add_alice(root);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
  root.write("/home/alice/.aws/config",
             "[profile work]\nsso_session = corp\nsso_account_id = 1\n[sso-session corp]\n"
             "sso_start_url = https://example.awsapps.com/start\n",
             0600);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

}  // namespace
}  // namespace sw::test

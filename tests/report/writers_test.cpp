// SPDX-License-Identifier: Apache-2.0
// The writers' handling of a finding's details (the facts particular to its kind).
#include "report/writers.h"

#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace sw::report {
namespace {

Report one_finding(bool with_details) {
  Report r;
  r.tool_version = "test";
  r.command = "secrets";
  Finding f;
  f.check = "secrets.github-pat";
  f.title = "GitHub token";
  f.severity = Severity::kHigh;
  f.risk = 7.5;
  f.subject = "app.py";
  f.why = "why";
  f.fix = "fix";
  f.responsible.role = Role::kDeveloper;
  f.location = {"app.py", 3};
  f.id = fingerprint("h", f.check, f.subject);
  if (with_details) f.details = {{"commit", "abc123"}, {"author", "Dev One"}};
  r.findings.push_back(f);
  r.finalize();
  return r;
}

TEST(Writers, DetailsGoToJsonAndSarifProperties) {
  Report r = one_finding(true);
  auto j = to_json(r);
  ASSERT_EQ(j["findings"].size(), 1u);
  EXPECT_EQ(j["findings"][0]["details"]["commit"], "abc123");
  EXPECT_EQ(j["findings"][0]["details"]["author"], "Dev One");

  std::ostringstream sarif;
  write_sarif(r, sarif);
  auto s = nlohmann::json::parse(sarif.str());
  const auto& props = s["runs"][0]["results"][0]["properties"];
  EXPECT_EQ(props["commit"], "abc123");
  EXPECT_EQ(props["author"], "Dev One");
  EXPECT_EQ(props["severity"], "high");  // the fixed properties stay
}

TEST(Writers, NoDetailsNoKey) {
  auto j = to_json(one_finding(false));
  EXPECT_FALSE(j["findings"][0].contains("details"));
}

}  // namespace
}  // namespace sw::report

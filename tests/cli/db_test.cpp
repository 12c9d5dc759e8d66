// SPDX-License-Identifier: Apache-2.0
// End-to-end tests of `shieldwall db`: status without a store, import then status (text and
// JSON), and update refusing plain http off loopback. No network: the download itself is tested
// against a loopback server in tests/vuln/store/update_test.cpp.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/cli_support.h"
#include "support/fixture.h"

namespace sw::test {
namespace {

const char* kRecord = R"({"id":"PYSEC-2024-1","modified":"2024-01-01T00:00:00Z",
"aliases":["CVE-2024-0001"],"affected":[{"package":{"ecosystem":"PyPI","name":"Foo_Bar"},
"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.0"}]}]}]})";

const char* kKev = R"({"catalogVersion":"2025.01.01","dateReleased":"2025-01-01T00:00:00Z",
"vulnerabilities":[{"cveID":"CVE-2024-0001","vendorProject":"V","product":"P",
"vulnerabilityName":"N","dateAdded":"2024-02-01","dueDate":"2024-02-22",
"knownRansomwareCampaignUse":"Unknown"}]})";

TEST(DbE2E, StatusWithoutStoreSaysHowToGetOne) {
  FixtureRoot data;
  auto r = run_shieldwall({"db", "status", "--data-dir", data.path()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("shieldwall db update"), std::string::npos) << r.err;
  auto j = run_shieldwall({"db", "status", "--data-dir", data.path(), "-f", "json"});
  EXPECT_EQ(j.exit_code, 2);
  EXPECT_EQ(nlohmann::json::parse(j.out)["exists"], false);
}

TEST(DbE2E, ImportThenStatus) {
  FixtureRoot data;
  FixtureRoot src;
  src.write("/osv/PYSEC-2024-1.json", kRecord);
  src.write("/kev.json", kKev);
  auto imp = run_shieldwall(
      {"db", "import", "--data-dir", data.path(), src.real("/osv"), src.real("/kev.json")});
  ASSERT_EQ(imp.exit_code, 0) << imp.out << imp.err;
  EXPECT_NE(imp.out.find("imported"), std::string::npos) << imp.out;

  auto st = run_shieldwall({"db", "status", "--data-dir", data.path(), "-f", "json"});
  ASSERT_EQ(st.exit_code, 0) << st.err;
  auto j = nlohmann::json::parse(st.out);
  EXPECT_EQ(j["advisories"], 1);
  EXPECT_EQ(j["kev_entries"], 1);
  EXPECT_EQ(j["kev_marked"], 1);
  EXPECT_EQ(j["ecosystems"]["PyPI"], 1);
  ASSERT_EQ(j["sources"].size(), 2u);
  // Sorted by name: the imported path ("/...") before "KEV".
  EXPECT_EQ(j["sources"][0]["name"], src.real("/osv"));
  EXPECT_EQ(j["sources"][0]["count"], 1);
  EXPECT_EQ(j["sources"][1]["name"], "KEV");

  auto text = run_shieldwall({"db", "status", "--data-dir", data.path()});
  ASSERT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("PyPI"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("1 advisories marked actively exploited"), std::string::npos) << text.out;
}

TEST(DbE2E, ImportOfMissingPathFailsAndChangesNothing) {
  FixtureRoot data;
  auto r = run_shieldwall({"db", "import", "--data-dir", data.path(), data.real("/nope")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("nope"), std::string::npos) << r.err;
  EXPECT_EQ(run_shieldwall({"db", "status", "--data-dir", data.path()}).exit_code, 2);
}

TEST(DbE2E, UpdateRefusesPlainHttpOffLoopback) {
  FixtureRoot data;
  auto r = run_shieldwall({"db", "update", "--data-dir", data.path(), "--base-url",
                           "http://mirror.example.invalid", "--ecosystem", "PyPI", "--no-kev"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("https://"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace sw::test

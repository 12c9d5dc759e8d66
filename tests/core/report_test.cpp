// SPDX-License-Identifier: Apache-2.0
#include "core/report.h"

#include <gtest/gtest.h>

#include "core/severity.h"

namespace sw {
namespace {

Finding make(std::string check, Severity s, Role role, std::string subject = "x") {
  Finding f;
  f.check = std::move(check);
  f.severity = s;
  f.risk = base_risk(s);
  f.responsible.role = role;
  f.subject = std::move(subject);
  f.id = fingerprint("h", f.check, f.subject);
  return f;
}

TEST(Fingerprint, StableAndDistinct) {
  EXPECT_EQ(fingerprint("h", "c", "s"), fingerprint("h", "c", "s"));
  EXPECT_NE(fingerprint("h", "c", "s"), fingerprint("h2", "c", "s"));
  EXPECT_NE(fingerprint("h", "c", "s1"), fingerprint("h", "c", "s"));
  // The separator keeps ("ab","c") and ("a","bc") apart.
  EXPECT_NE(fingerprint("h", "ab", "c"), fingerprint("h", "a", "bc"));
  EXPECT_EQ(fingerprint("h", "c", "s").size(), 19u);
}

TEST(Report, WeakestLinkIsTheWorstFindingNotTheAverage) {
  Report r;
  for (int i = 0; i < 20; ++i) {
    r.findings.push_back(make("host.a.low", Severity::kLow, Role::kUser, std::to_string(i)));
  }
  r.findings.push_back(make("host.b.crit", Severity::kCritical, Role::kAdmin));
  r.finalize();
  ASSERT_TRUE(r.posture.weakest);
  EXPECT_EQ(r.findings[*r.posture.weakest].check, "host.b.crit");
  EXPECT_DOUBLE_EQ(r.posture.score, 5.0);
  EXPECT_GT(r.posture.mean_score, 70.0);
  EXPECT_EQ(r.posture.grade, "F");
  ASSERT_EQ(r.parties.size(), 2u);
  EXPECT_EQ(r.parties[0].party.role, Role::kAdmin);  // the party owning the worst link comes first
  EXPECT_EQ(r.parties[1].by_severity[static_cast<size_t>(Severity::kLow)], 20);
  EXPECT_EQ(r.worst_severity(), Severity::kCritical);
}

TEST(Report, EmptyReportIsFullScore) {
  Report r;
  r.finalize();
  EXPECT_FALSE(r.posture.weakest);
  EXPECT_DOUBLE_EQ(r.posture.score, 100.0);
  EXPECT_EQ(r.posture.grade, "A");
  EXPECT_FALSE(r.worst_severity());
}

TEST(Severity, ParseAndBands) {
  EXPECT_EQ(parse_severity("HIGH"), Severity::kHigh);
  EXPECT_EQ(parse_severity("moderate"), Severity::kMedium);
  EXPECT_FALSE(parse_severity("severe"));
  for (int s = 0; s <= 4; ++s) {
    auto sev = static_cast<Severity>(s);
    EXPECT_EQ(severity_for_risk(base_risk(sev)), sev);
    EXPECT_EQ(parse_severity(severity_name(sev)), sev);
  }
}

TEST(Responsible, KeysAndTitles) {
  auto team = parse_responsible("team:web");
  ASSERT_TRUE(team);
  EXPECT_EQ(team->key(), "team:web");
  EXPECT_EQ(team->part_title(), "Team web's part");
  EXPECT_FALSE(parse_responsible("team:"));
  EXPECT_FALSE(parse_responsible("boss"));
  Responsible you{Role::kUser, "", "alice"};
  EXPECT_EQ(you.part_title(), "Your part (alice)");
}

}  // namespace
}  // namespace sw

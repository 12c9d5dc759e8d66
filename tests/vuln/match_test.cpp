// SPDX-License-Identifier: Apache-2.0
#include "vuln/match.h"

#include <map>

#include <gtest/gtest.h>

#include "vuln/findings.h"
#include "vuln/ignore.h"

namespace sw::vuln {
namespace {

// An in-memory store: advisories by (base ecosystem, name).
class FakeStore : public AdvisoryStore {
 public:
  void add(Advisory a) { advisories_.push_back(std::move(a)); }
  Result<std::vector<Advisory>> lookup(std::string_view ecosystem,
                                       std::string_view name) override {
    std::vector<Advisory> out;
    const std::string_view base = ecosystem.substr(0, ecosystem.find(':'));
    for (const auto& a : advisories_) {
      for (const auto& aff : a.affected) {
        if (aff.ecosystem.substr(0, aff.ecosystem.find(':')) == base) {
          out.push_back(a);
          break;
        }
      }
    }
    (void)name;  // the matcher filters names itself
    return out;
  }
  Result<StoreStatus> status() override { return StoreStatus{}; }

 private:
  std::vector<Advisory> advisories_;
};

Advisory advisory(std::string id, std::string ecosystem, std::string name,
                  std::vector<std::pair<RangeEvent::Kind, std::string>> events,
                  std::string vector = {}) {
  Advisory a;
  a.id = std::move(id);
  a.summary = "summary of " + a.id;
  Affected aff;
  aff.ecosystem = std::move(ecosystem);
  aff.name = std::move(name);
  Range r;
  r.type = RangeType::kEcosystem;
  for (auto& [kind, v] : events) r.events.push_back(RangeEvent{kind, v});
  aff.ranges.push_back(r);
  a.affected.push_back(aff);
  if (!vector.empty()) a.severity.push_back(SeverityScore{"CVSS_V3", vector});
  return a;
}

constexpr auto kIntro = RangeEvent::Kind::kIntroduced;
constexpr auto kFixed = RangeEvent::Kind::kFixed;
constexpr auto kLast = RangeEvent::Kind::kLastAffected;
constexpr const char* kCritical = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";  // 9.8
constexpr const char* kMediumV = "CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:U/C:L/I:L/A:N";  // 4.6

Package pkg(std::string name, std::string version, std::string eco = "PyPI") {
  Package p;
  p.ecosystem = std::move(eco);
  p.name = std::move(name);
  p.version = std::move(version);
  p.path = "requirements.txt";
  p.line = 3;
  return p;
}

TEST(Match, SmallestVersionClearingEveryAdvisory) {
  FakeStore store;
  store.add(advisory("PYSEC-1", "PyPI", "Django", {{kIntro, "0"}, {kFixed, "3.2.5"}}, kMediumV));
  store.add(advisory("PYSEC-2", "PyPI", "django", {{kIntro, "3.0"}, {kFixed, "3.2.10"}}, kCritical));
  store.add(advisory("PYSEC-3", "PyPI", "django", {{kIntro, "4.0"}, {kFixed, "4.0.2"}}));
  store.add(advisory("PYSEC-4", "PyPI", "other", {{kIntro, "0"}, {kFixed, "9"}}));
  auto r = match_packages({pkg("django", "3.2.1")}, store, {"PyPI"});
  ASSERT_EQ(r.packages.size(), 1u);
  ASSERT_EQ(r.packages[0].hits.size(), 2u);
  EXPECT_EQ(r.packages[0].hits[0].advisory.id, "PYSEC-2");  // worst first
  ASSERT_EQ(r.upgrades.size(), 1u);
  EXPECT_EQ(r.upgrades[0].to, "3.2.10");
  EXPECT_EQ(r.upgrades[0].cleared.size(), 2u);
  EXPECT_TRUE(r.upgrades[0].remaining.empty());
  EXPECT_EQ(r.upgrades[0].severity, sw::Severity::kCritical);
  EXPECT_DOUBLE_EQ(r.upgrades[0].risk, 9.8);
  auto text = describe_upgrade(r, r.upgrades[0]);
  EXPECT_EQ(text.title, "upgrade django from 3.2.1 to 3.2.10: fixes two advisories");
  EXPECT_NE(text.fix.find("requirements.txt:3"), std::string::npos);
  EXPECT_NE(text.evidence.find("PYSEC-2"), std::string::npos);
}

TEST(Match, FixedVersionThatIsAffectedAgainIsSkipped) {
  FakeStore store;
  store.add(advisory("A-1", "PyPI", "lib", {{kIntro, "0"}, {kFixed, "1.5"}}));
  // 1.5 reintroduces a flaw fixed in 1.7.
  store.add(advisory("A-2", "PyPI", "lib", {{kIntro, "1.0"}, {kFixed, "1.2"}, {kIntro, "1.5"},
                                            {kFixed, "1.7"}}));
  auto r = match_packages({pkg("lib", "1.1")}, store, {"PyPI"});
  ASSERT_EQ(r.upgrades.size(), 1u);
  EXPECT_EQ(r.upgrades[0].to, "1.7");
  EXPECT_TRUE(r.upgrades[0].remaining.empty());
}

TEST(Match, NoFixYetAndKevFirst) {
  FakeStore store;
  Advisory kev = advisory("A-KEV", "PyPI", "a", {{kIntro, "0"}, {kFixed, "2.0"}});
  kev.kev = true;
  kev.aliases = {"CVE-2024-0001"};
  kev.kev_date_added = "2024-05-01";
  store.add(kev);
  store.add(advisory("B-1", "PyPI", "b", {{kIntro, "0"}, {kLast, "5.0"}}, kCritical));
  auto r = match_packages({pkg("b", "1.0"), pkg("a", "1.0")}, store, {"PyPI"});
  ASSERT_EQ(r.upgrades.size(), 2u);
  const auto& first = r.packages[r.upgrades[0].package];
  EXPECT_EQ(first.package.name, "a");  // actively exploited first, whatever the score
  EXPECT_EQ(r.upgrades[0].severity, sw::Severity::kCritical);
  EXPECT_EQ(r.upgrades[0].kev, 1u);
  auto t0 = describe_upgrade(r, r.upgrades[0]);
  EXPECT_EQ(t0.title, "upgrade a from 1.0 to 2.0: fixes one advisory, actively exploited");
  EXPECT_NE(t0.why.find("Known Exploited"), std::string::npos);
  auto t1 = describe_upgrade(r, r.upgrades[1]);
  EXPECT_TRUE(r.upgrades[1].to.empty());
  EXPECT_EQ(t1.title, "b 1.0 has one known vulnerability with no fixed version yet");
}

TEST(Match, UncheckablePackagesSayWhy) {
  FakeStore store;
  Package unknown = pkg("x", "1.0", "NoSuchEcosystem");
  Package no_db = pkg("y", "1.0", "npm");
  Package bad = pkg("z", "not a version!!", "Go");
  Package commit = pkg("w", "", "PyPI");
  commit.commit = "0123456789abcdef0123";
  auto r = match_packages({unknown, no_db, bad, commit}, store, {"PyPI", "Go"});
  ASSERT_EQ(r.packages.size(), 4u);
  EXPECT_EQ(r.unchecked, 4u);
  EXPECT_NE(r.packages[0].problem.find("unknown ecosystem"), std::string::npos);
  EXPECT_NE(r.packages[1].problem.find("no npm advisories"), std::string::npos);
  EXPECT_NE(r.packages[2].problem.find("not a valid"), std::string::npos);
  EXPECT_NE(r.packages[3].problem.find("commit 0123456789ab"), std::string::npos);
}

TEST(Match, DistroReleaseMustAgree) {
  FakeStore store;
  store.add(advisory("DSA-1", "Debian:11", "openssl", {{kIntro, "0"}, {kFixed, "1.1.1n-0+deb11u4"}}));
  store.add(advisory("DSA-2", "Debian:12", "openssl", {{kIntro, "0"}, {kFixed, "3.0.13-1~deb12u1"}}));
  store.add(advisory("DSA-3", "Debian", "openssl", {{kIntro, "0"}, {kFixed, "3.0.12-1"}}));
  Package p = pkg("openssl", "3.0.11-1~deb12u2", "Debian:12");
  p.binary = "libssl3";
  auto r = match_packages({p}, store, {"Debian"});
  ASSERT_EQ(r.packages[0].hits.size(), 2u);
  ASSERT_EQ(r.upgrades.size(), 1u);
  EXPECT_EQ(r.upgrades[0].to, "3.0.13-1~deb12u1");
  auto t = describe_upgrade(r, r.upgrades[0]);
  EXPECT_NE(t.title.find("libssl3 (source openssl)"), std::string::npos);
  EXPECT_NE(t.fix.find("apt-get install --only-upgrade libssl3"), std::string::npos);
}

TEST(Ignore, RulesNeedReasonOwnerAndValidDate) {
  auto list = parse_ignore_file(
      "[[ignore]]\nid = \"CVE-1\"\nreason = \"not reachable\"\nowner = \"alice\"\n"
      "expires = 2030-01-01\n"
      "[[ignore]]\nid = \"CVE-2\"\nowner = \"bob\"\n"
      "[[ignore]]\nid = \"CVE-3\"\nreason = \"r\"\nowner = \"o\"\nexpires = \"soon\"\n",
      "ignore.toml");
  ASSERT_EQ(list.rules.size(), 1u);
  EXPECT_EQ(list.rules[0].expires, "2030-01-01");
  ASSERT_EQ(list.errors.size(), 2u);
  EXPECT_EQ(list.errors[0].line(), 6);
  EXPECT_NE(list.errors[0].message().find("no reason"), std::string::npos);
  EXPECT_EQ(list.errors[1].line(), 9);
}

TEST(Ignore, SyntaxErrorNamesTheLine) {
  auto list = parse_ignore_file("[[ignore]]\nid = \n", "ignore.toml");
  ASSERT_EQ(list.errors.size(), 1u);
  EXPECT_EQ(list.errors[0].file(), "ignore.toml");
  EXPECT_EQ(list.errors[0].line(), 2);
}

TEST(Ignore, ByAliasUntilItExpires) {
  FakeStore store;
  Advisory a = advisory("GHSA-aaaa", "PyPI", "lib", {{kIntro, "0"}, {kFixed, "2.0"}});
  a.aliases = {"CVE-2024-9"};
  store.add(a);
  auto list = parse_ignore_file(
      "[[ignore]]\nid = \"CVE-2024-9\"\npackage = \"li*\"\nreason = \"mitigated by WAF\"\n"
      "owner = \"sec@example.com\"\nexpires = 2027-01-31\n",
      "ignore.toml");
  ASSERT_TRUE(list.errors.empty());
  auto r = match_packages({pkg("lib", "1.0")}, store, {"PyPI"});
  auto notes = apply_ignores(list, r, "2026-11-27");
  EXPECT_TRUE(notes.empty());
  EXPECT_TRUE(r.upgrades.empty());
  EXPECT_TRUE(r.packages[0].hits[0].ignored);
  EXPECT_NE(r.packages[0].hits[0].ignore_reason.find("mitigated by WAF"), std::string::npos);

  auto later = match_packages({pkg("lib", "1.0")}, store, {"PyPI"});
  notes = apply_ignores(list, later, "2027-02-01");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("expired on 2027-01-31"), std::string::npos);
  EXPECT_EQ(later.upgrades.size(), 1u);  // the finding is back
}

TEST(Rating, SourcesInOrder) {
  Advisory a;
  a.db_severity = "MODERATE";
  EXPECT_EQ(rate_advisory(a, nullptr).severity, sw::Severity::kMedium);
  EXPECT_EQ(rate_advisory(a, nullptr).source, "database: MODERATE");
  a.severity.push_back(SeverityScore{"CVSS_V3", kCritical});
  EXPECT_EQ(rate_advisory(a, nullptr).source, "CVSS:3.1 9.8");
  Advisory none;
  EXPECT_FALSE(rate_advisory(none, nullptr).rated);
  none.informational = "unmaintained";
  EXPECT_EQ(rate_advisory(none, nullptr).severity, sw::Severity::kLow);
}

}  // namespace
}  // namespace sw::vuln

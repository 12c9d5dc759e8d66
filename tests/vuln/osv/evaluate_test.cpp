// SPDX-License-Identifier: Apache-2.0
// is_affected / fixed_versions_for against the OSV spec's evaluation algorithm, with a small
// dotted-numeric scheme defined here ("1.2.10" > "1.2.9", "1.0" == "1", anything else rejected),
// so the tests do not depend on the real ecosystem schemes.
#include <algorithm>
#include <charconv>
#include <optional>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "vuln/osv/osv.h"

namespace sw::vuln {
namespace {

class NumericScheme : public VersionScheme {
 public:
  std::string_view name() const override { return "numeric"; }
  Result<int> compare(std::string_view a, std::string_view b) const override {
    auto pa = parse(a);
    if (!pa) return fail(Errc::kParse, fmt::format("'{}' is not numeric", a));
    auto pb = parse(b);
    if (!pb) return fail(Errc::kParse, fmt::format("'{}' is not numeric", b));
    for (size_t i = 0; i < std::max(pa->size(), pb->size()); ++i) {
      long x = i < pa->size() ? (*pa)[i] : 0;
      long y = i < pb->size() ? (*pb)[i] : 0;
      if (x != y) return x < y ? -1 : 1;
    }
    return 0;
  }

 private:
  static std::optional<std::vector<long>> parse(std::string_view s) {
    std::vector<long> out;
    if (s.empty()) return std::nullopt;
    size_t pos = 0;
    while (true) {
      auto dot = s.find('.', pos);
      auto part = s.substr(pos, dot == std::string_view::npos ? s.npos : dot - pos);
      long n = 0;
      auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), n);
      if (part.empty() || ec != std::errc() || p != part.data() + part.size()) return std::nullopt;
      out.push_back(n);
      if (dot == std::string_view::npos) break;
      pos = dot + 1;
    }
    return out;
  }
};

const NumericScheme kScheme;

Range range(RangeType type, std::vector<std::pair<RangeEvent::Kind, std::string>> events) {
  Range r;
  r.type = type;
  for (auto& [k, v] : events) r.events.push_back({k, v});
  return r;
}
constexpr auto kI = RangeEvent::Kind::kIntroduced;
constexpr auto kF = RangeEvent::Kind::kFixed;
constexpr auto kL = RangeEvent::Kind::kLastAffected;
constexpr auto kLim = RangeEvent::Kind::kLimit;

bool affected(const Affected& a, std::string_view v) {
  auto r = is_affected(a, v, kScheme);
  EXPECT_TRUE(r) << v << ": " << r.error().to_string();
  return r.value_or(false);
}

TEST(OsvEvaluate, IntroducedZeroAndFixed) {
  Affected a;
  a.ranges.push_back(range(RangeType::kEcosystem, {{kI, "0"}, {kF, "1.2"}}));
  EXPECT_TRUE(affected(a, "0"));
  EXPECT_TRUE(affected(a, "1.1.99"));
  EXPECT_FALSE(affected(a, "1.2"));
  EXPECT_FALSE(affected(a, "1.2.0"));  // equal to the fix by ordering
  EXPECT_FALSE(affected(a, "1.10"));   // 1.10 > 1.2 numerically
  EXPECT_EQ(fixed_versions_for(a, "1.0", kScheme), std::vector<std::string>{"1.2"});
  EXPECT_TRUE(fixed_versions_for(a, "1.3", kScheme).empty());
}

TEST(OsvEvaluate, UnsortedEventsAndSeveralIntervals) {
  Affected a;
  // Deliberately out of order: the algorithm sorts events by version.
  a.ranges.push_back(
      range(RangeType::kSemver, {{kF, "3.2.5"}, {kI, "3.0.0"}, {kF, "1.0.2"}, {kI, "1.0.0"}}));
  EXPECT_FALSE(affected(a, "0.9"));
  EXPECT_TRUE(affected(a, "1.0.0"));
  EXPECT_TRUE(affected(a, "1.0.1"));
  EXPECT_FALSE(affected(a, "1.0.2"));
  EXPECT_FALSE(affected(a, "2.9"));
  EXPECT_TRUE(affected(a, "3.0"));
  EXPECT_TRUE(affected(a, "3.2.4"));
  EXPECT_FALSE(affected(a, "3.2.5"));
  EXPECT_EQ(fixed_versions_for(a, "1.0.1", kScheme), std::vector<std::string>{"1.0.2"});
  EXPECT_EQ(fixed_versions_for(a, "3.1", kScheme), std::vector<std::string>{"3.2.5"});
  EXPECT_TRUE(fixed_versions_for(a, "2.0", kScheme).empty());
}

TEST(OsvEvaluate, MultipleIntroducedInOneRange) {
  Affected a;
  a.ranges.push_back(range(RangeType::kEcosystem, {{kI, "1.0"}, {kI, "1.5"}, {kF, "2.0"}}));
  EXPECT_FALSE(affected(a, "0.5"));
  EXPECT_TRUE(affected(a, "1.2"));
  EXPECT_TRUE(affected(a, "1.7"));
  EXPECT_FALSE(affected(a, "2.0"));
  EXPECT_EQ(fixed_versions_for(a, "1.2", kScheme), std::vector<std::string>{"2.0"});
}

TEST(OsvEvaluate, LastAffectedIsInclusive) {
  Affected a;
  a.ranges.push_back(range(RangeType::kEcosystem, {{kI, "0"}, {kL, "2.1.214"}}));
  EXPECT_TRUE(affected(a, "1"));
  EXPECT_TRUE(affected(a, "2.1.214"));
  EXPECT_TRUE(affected(a, "2.1.214.0"));
  EXPECT_FALSE(affected(a, "2.1.215"));
  EXPECT_TRUE(fixed_versions_for(a, "1", kScheme).empty());  // no fix known
}

TEST(OsvEvaluate, EqualIntroducedAndClosingVersions) {
  Affected empty;
  empty.ranges.push_back(range(RangeType::kEcosystem, {{kF, "1.0"}, {kI, "1.0"}}));
  EXPECT_FALSE(affected(empty, "1.0"));
  Affected single;
  single.ranges.push_back(range(RangeType::kEcosystem, {{kL, "1.0"}, {kI, "1.0"}}));
  EXPECT_TRUE(affected(single, "1.0"));
  EXPECT_FALSE(affected(single, "1.0.1"));
  EXPECT_FALSE(affected(single, "0.9"));
}

TEST(OsvEvaluate, LimitEvents) {
  Affected a;
  a.ranges.push_back(range(RangeType::kEcosystem, {{kI, "1.0"}, {kLim, "2.0"}}));
  EXPECT_FALSE(affected(a, "0.5"));
  EXPECT_TRUE(affected(a, "1.5"));
  EXPECT_FALSE(affected(a, "2.0"));  // not before the limit
  EXPECT_FALSE(affected(a, "3.0"));

  Affected two;  // any limit above v is enough
  two.ranges.push_back(range(RangeType::kEcosystem, {{kI, "1.0"}, {kLim, "2.0"}, {kLim, "4.0"}}));
  EXPECT_TRUE(affected(two, "3.0"));
  EXPECT_FALSE(affected(two, "4.0"));

  Affected star;  // "*" is infinity
  star.ranges.push_back(range(RangeType::kEcosystem, {{kI, "1.0"}, {kLim, "*"}}));
  EXPECT_TRUE(affected(star, "99"));

  Affected with_fix;  // the limit restricts, the fix still closes
  with_fix.ranges.push_back(
      range(RangeType::kEcosystem, {{kI, "1.0"}, {kF, "1.5"}, {kLim, "3.0"}}));
  EXPECT_TRUE(affected(with_fix, "1.2"));
  EXPECT_FALSE(affected(with_fix, "2.0"));
  EXPECT_EQ(fixed_versions_for(with_fix, "1.2", kScheme), std::vector<std::string>{"1.5"});
}

TEST(OsvEvaluate, MultipleRangesAndFixes) {
  Affected a;
  a.ranges.push_back(range(RangeType::kEcosystem, {{kI, "0"}, {kF, "1.4"}}));
  a.ranges.push_back(range(RangeType::kEcosystem, {{kI, "1.0"}, {kF, "1.3"}}));
  a.ranges.push_back(range(RangeType::kEcosystem, {{kI, "5.0"}}));
  EXPECT_TRUE(affected(a, "1.1"));
  EXPECT_FALSE(affected(a, "1.4"));
  EXPECT_TRUE(affected(a, "7"));
  EXPECT_EQ(fixed_versions_for(a, "1.1", kScheme), (std::vector<std::string>{"1.4", "1.3"}));
  EXPECT_EQ(fixed_versions_for(a, "0.5", kScheme), std::vector<std::string>{"1.4"});
}

TEST(OsvEvaluate, VersionsList) {
  Affected a;
  a.versions = {"1.0", "1.1", "legacy-1"};
  EXPECT_TRUE(affected(a, "1.1"));
  EXPECT_TRUE(affected(a, "1.1.0"));  // equal by the scheme's ordering
  EXPECT_FALSE(affected(a, "1.2"));
  EXPECT_FALSE(affected(a, "1.0.1"));
  // Versions list plus a range: either matches.
  a.ranges.push_back(range(RangeType::kEcosystem, {{kI, "2.0"}, {kF, "2.5"}}));
  EXPECT_TRUE(affected(a, "2.2"));
  EXPECT_TRUE(affected(a, "1.0"));
  EXPECT_TRUE(fixed_versions_for(a, "1.0", kScheme).empty());  // listed, no range: no fix known
}

TEST(OsvEvaluate, GitRangesAreNotVersions) {
  Affected a;
  Range g = range(RangeType::kGit, {{kI, "0"}, {kF, "abcdef"}});
  g.repo = "https://example.org/r.git";
  a.ranges.push_back(g);
  std::vector<Error> warnings;
  auto r = is_affected(a, "1.0", kScheme, &warnings);
  ASSERT_TRUE(r);
  EXPECT_FALSE(*r);
  EXPECT_TRUE(warnings.empty());  // commits are never given to the scheme
}

TEST(OsvEvaluate, RejectedEventsAreSkippedWithAWarning) {
  Affected a;
  a.ranges.push_back(range(RangeType::kEcosystem, {{kI, "0"}, {kF, "1.x"}, {kF, "2.0"}}));
  std::vector<Error> warnings;
  auto r = is_affected(a, "1.5", kScheme, &warnings);
  ASSERT_TRUE(r);
  EXPECT_TRUE(*r);  // 1.x skipped: the range is [0, 2.0)
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code(), Errc::kParse);
  EXPECT_NE(warnings[0].message().find("1.x"), std::string::npos);
  EXPECT_FALSE(affected(a, "2.0"));  // no warnings vector: still fine
  EXPECT_EQ(fixed_versions_for(a, "1.5", kScheme), std::vector<std::string>{"2.0"});
}

TEST(OsvEvaluate, RejectedInstalledVersionIsAnError) {
  Affected a;
  a.versions = {"garbage"};
  a.ranges.push_back(range(RangeType::kEcosystem, {{kI, "0"}}));
  auto r = is_affected(a, "garbage", kScheme);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), Errc::kParse);
  EXPECT_NE(r.error().message().find("garbage"), std::string::npos);
  EXPECT_TRUE(fixed_versions_for(a, "garbage", kScheme).empty());
}

TEST(OsvEvaluate, NoRangesNoVersions) {
  Affected a;
  EXPECT_FALSE(affected(a, "1.0"));
}

}  // namespace
}  // namespace sw::vuln

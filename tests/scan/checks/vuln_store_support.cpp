// SPDX-License-Identifier: Apache-2.0
#include "vuln_store_support.h"

#include <gtest/gtest.h>

#include "vuln/store/builder.h"

namespace sw::test {

vuln::Advisory simple_advisory(const std::string& id, const std::string& ecosystem,
                               const std::string& name, const std::string& introduced,
                               const std::string& fixed) {
  vuln::Advisory a;
  a.id = id;
  a.modified = "2026-01-01T00:00:00Z";
  a.summary = "flaw in " + name;
  vuln::Affected aff;
  aff.ecosystem = ecosystem;
  aff.name = name;
  vuln::Range r;
  r.type = vuln::RangeType::kEcosystem;
  r.events.push_back({vuln::RangeEvent::Kind::kIntroduced, introduced});
  if (!fixed.empty()) r.events.push_back({vuln::RangeEvent::Kind::kFixed, fixed});
  aff.ranges.push_back(r);
  a.affected.push_back(aff);
  a.severity.push_back({"CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:N"});  // 8.2
  return a;
}

void build_store(const std::string& dir, std::vector<vuln::Advisory> advisories,
                 const std::vector<std::string>& kev_cves) {
  auto builder = vuln::StoreBuilder::create(dir);
  ASSERT_TRUE(builder) << builder.error().to_string();
  vuln::SourceInfo info;
  info.name = "fixture";
  info.url = "fixture";
  ASSERT_TRUE((*builder)->begin_source(info));
  for (auto& a : advisories) ASSERT_TRUE((*builder)->add(std::move(a)));
  if (!kev_cves.empty()) {
    vuln::KevCatalog kev;
    kev.version = "2026.01.01";
    for (const auto& cve : kev_cves) {
      vuln::KevEntry e;
      e.cve = cve;
      e.date_added = "2026-01-02";
      kev.entries.push_back(e);
    }
    vuln::SourceInfo kinfo;
    kinfo.name = "KEV";
    kinfo.url = "fixture";
    ASSERT_TRUE((*builder)->set_kev(kev, kinfo));
  }
  auto committed = (*builder)->commit();
  ASSERT_TRUE(committed) << committed.error().to_string();
}

}  // namespace sw::test

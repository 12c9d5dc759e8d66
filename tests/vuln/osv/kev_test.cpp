// SPDX-License-Identifier: Apache-2.0
// parse_kev / looks_like_kev on a small CISA KEV catalog.
#include <gtest/gtest.h>

#include "vuln/osv/osv.h"

namespace sw::vuln {
namespace {

constexpr std::string_view kCatalog = R"({
  "title": "CISA Catalog of Known Exploited Vulnerabilities",
  "catalogVersion": "2025.08.25",
  "dateReleased": "2025-08-25T17:04:19.9796Z",
  "count": 3,
  "vulnerabilities": [
    {"cveID": "CVE-2025-48384", "vendorProject": "Git", "product": "Git",
     "vulnerabilityName": "Git Link Following Vulnerability", "dateAdded": "2025-08-25",
     "shortDescription": "x", "requiredAction": "y", "dueDate": "2025-09-15",
     "knownRansomwareCampaignUse": "Unknown", "notes": "", "cwes": ["CWE-59"]},
    {"cveID": "CVE-2023-0001", "vendorProject": "Acme", "product": "Widget",
     "vulnerabilityName": "Widget RCE", "dateAdded": "2023-02-01", "dueDate": "2023-02-22",
     "knownRansomwareCampaignUse": "Known"},
    {"vendorProject": "no cve id"},
    "not an object",
    {"cveID": "CVE-2024-1", "product": 7}
  ]
})";

TEST(Kev, ParsesCatalog) {
  auto r = parse_kev(kCatalog, "kev.json");
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->version, "2025.08.25");
  EXPECT_EQ(r->date_released, "2025-08-25T17:04:19.9796Z");
  ASSERT_EQ(r->entries.size(), 3u);  // the entry without cveID and the string are skipped
  const KevEntry& g = r->entries[0];
  EXPECT_EQ(g.cve, "CVE-2025-48384");
  EXPECT_EQ(g.vendor, "Git");
  EXPECT_EQ(g.product, "Git");
  EXPECT_EQ(g.name, "Git Link Following Vulnerability");
  EXPECT_EQ(g.date_added, "2025-08-25");
  EXPECT_EQ(g.due_date, "2025-09-15");
  EXPECT_FALSE(g.ransomware);
  EXPECT_TRUE(r->entries[1].ransomware);
  EXPECT_EQ(r->entries[2].cve, "CVE-2024-1");
  EXPECT_TRUE(r->entries[2].product.empty());
}

TEST(Kev, Errors) {
  auto r = parse_kev("{\"catalogVersion\": \"1\"}", "k.json");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), Errc::kParse);
  EXPECT_EQ(r.error().file(), "k.json");
  EXPECT_FALSE(parse_kev("[]", "k.json"));
  EXPECT_FALSE(parse_kev("{", "k.json"));
}

TEST(Kev, LooksLikeKev) {
  EXPECT_TRUE(looks_like_kev(kCatalog));
  EXPECT_FALSE(
      looks_like_kev(R"({"id": "GO-1", "details": "\"catalogVersion\" \"vulnerabilities\""})"));
  EXPECT_FALSE(looks_like_kev(R"({"id": "GO-1"})"));
  EXPECT_FALSE(looks_like_kev("{\"catalogVersion\": 1, \"vulnerabilities\": {}}"));
  EXPECT_FALSE(looks_like_kev(""));
}

}  // namespace
}  // namespace sw::vuln

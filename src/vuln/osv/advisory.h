// SPDX-License-Identifier: Apache-2.0
// An advisory in the OSV schema (https://ossf.github.io/osv-schema/): what the matcher, the store
// and the findings need of it. Parsed from JSON (simdjson) or YAML (yaml-cpp), stored in SQLite.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sw::vuln {

enum class RangeType { kSemver, kEcosystem, kGit };

struct RangeEvent {
  enum class Kind { kIntroduced, kFixed, kLastAffected, kLimit };
  Kind kind = Kind::kIntroduced;
  std::string value;  // a version, "0" for introduced-at-the-beginning, or a commit for GIT
};

struct Range {
  RangeType type = RangeType::kEcosystem;
  std::string repo;  // GIT ranges
  std::vector<RangeEvent> events;
};

// Named SeverityScore, not Severity: sw::Severity (core/severity.h) is the finding's rating.
struct SeverityScore {
  std::string type;   // "CVSS_V2", "CVSS_V3", "CVSS_V4", "Ubuntu"
  std::string score;  // the vector (or the ecosystem's own rating)
};

struct Affected {
  std::string ecosystem;  // as OSV spells it: "PyPI", "Debian:12", "AlmaLinux:9"
  std::string name;       // package name in that ecosystem
  std::string purl;
  std::vector<Range> ranges;
  std::vector<std::string> versions;    // explicit affected versions
  std::vector<SeverityScore> severity;  // per-package severity (OSV 1.5+)
  std::string db_severity;  // affected[].database_specific/ecosystem_specific severity text
};

struct Advisory {
  std::string id;
  std::string modified;   // RFC 3339
  std::string published;  // RFC 3339, may be empty
  std::string withdrawn;  // RFC 3339; non-empty = withdrawn, never matched
  std::string summary;
  std::string details;
  std::vector<std::string> aliases;  // CVE ids and others
  std::vector<std::string> related;
  std::vector<SeverityScore> severity;
  std::vector<Affected> affected;
  std::vector<std::string> references;  // URLs, ADVISORY / FIX first when given
  std::string db_severity;              // database_specific.severity ("HIGH", "Moderate", ...)
  std::string informational;            // RustSec database_specific.informational ("unmaintained")
  // Set at ingest from the CISA KEV catalog when the id or an alias is listed there.
  bool kev = false;
  bool kev_ransomware = false;  // knownRansomwareCampaignUse == "Known"
  std::string kev_date_added;
};

}  // namespace sw::vuln

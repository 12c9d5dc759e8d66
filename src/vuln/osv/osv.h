// SPDX-License-Identifier: Apache-2.0
// Reading OSV records (JSON with simdjson, YAML with yaml-cpp) and the CISA KEV catalog, and the
// OSV spec's algorithm for "is this version affected".
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "vuln/osv/advisory.h"
#include "vuln/versions/scheme.h"

namespace sw::vuln {

// One OSV record. kParse (with `path`) when the text is not an OSV object (no id, wrong types).
Result<Advisory> parse_osv_json(std::string_view text, const std::string& path);
Result<Advisory> parse_osv_yaml(std::string_view text, const std::string& path);

// Is `version` of the package affected by `affected`, following the OSV spec's evaluation
// (https://ossf.github.io/osv-schema/#evaluation): explicit `versions` list, then SEMVER /
// ECOSYSTEM ranges with introduced / fixed / last_affected / limit events ordered by `scheme`.
// GIT ranges are not evaluated against versions. kParse when `scheme` rejects the installed
// version (never a silent "not affected"); a range event the scheme rejects is skipped with the
// error kept in `warnings` when given.
Result<bool> is_affected(const Affected& affected, std::string_view version,
                         const VersionScheme& scheme, std::vector<Error>* warnings = nullptr);

// The "fixed" versions of the ranges that contain `version` (to recommend an upgrade).
std::vector<std::string> fixed_versions_for(const Affected& affected, std::string_view version,
                                            const VersionScheme& scheme);

// The CISA Known Exploited Vulnerabilities catalog.
struct KevEntry {
  std::string cve;
  std::string vendor;
  std::string product;
  std::string name;
  std::string date_added;
  std::string due_date;
  bool ransomware = false;  // knownRansomwareCampaignUse == "Known"
};
struct KevCatalog {
  std::string version;        // catalogVersion
  std::string date_released;  // dateReleased
  std::vector<KevEntry> entries;
};
Result<KevCatalog> parse_kev(std::string_view text, const std::string& path);
// Whether JSON text looks like a KEV catalog (has "vulnerabilities" and "catalogVersion").
bool looks_like_kev(std::string_view text);

// Ingest: every OSV record under a path (directory tree, .json, .yaml/.yml, .zip as osv.dev's
// all.zip), handed to `sink` one at a time. Malformed records are counted, reported once each in
// `warnings` (naming file or zip member) and skipped; the rest go on.
struct IngestStats {
  size_t files = 0;       // files (or zip members) read
  size_t advisories = 0;  // handed to the sink
  size_t withdrawn = 0;   // of those, withdrawn
  size_t skipped = 0;     // malformed, not handed on
  std::vector<Error> warnings;
};
using AdvisorySink = std::function<void(Advisory&&)>;
Result<IngestStats> ingest_path(const std::string& path, const AdvisorySink& sink);
// An all.zip already in memory (downloaded); `name` for messages.
Result<IngestStats> ingest_zip(std::string_view bytes, const std::string& name,
                               const AdvisorySink& sink);

}  // namespace sw::vuln

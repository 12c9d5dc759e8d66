// SPDX-License-Identifier: Apache-2.0
// The advisory store: one SQLite file in the data dir (osv.db). Built whole in a temporary file
// and renamed over the old one, so a reader that opened the old file keeps a consistent old state
// and a failed or interrupted update never leaves a broken store. Writer side: store/builder.h.
//
// Matching follows the OSV ecosystem rules (ossf/osv-schema ecosystems.json): an ecosystem string
// is a base ("Debian", "PyPI", "Red Hat") optionally followed by ":" and a suffix (the release for
// the distros, "Debian:12", "Alpine:v3.19"; a CPE for "Red Hat:..."; a repository URL for Maven and
// Packagist). The suffix is everything after the first ":". Package names compare as each ecosystem
// defines them: PyPI names normalised per PEP 503 (lowercase, runs of "-", "_", "." become "-");
// NuGet ids are case-insensitive (learn.microsoft.com/nuget "Package IDs are case-insensitive") and
// Composer/Packagist names are lowercase by rule (getcomposer.org/doc/04-schema.md#name): both
// compared lowercased; every other ecosystem compares names exactly.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "vuln/osv/advisory.h"
#include "vuln/osv/osv.h"

namespace sw::vuln {

// Where a source came from and when, for `db status` and for conditional downloads.
struct SourceInfo {
  std::string name;  // "PyPI", "Go", "KEV", or an imported path
  std::string url;   // download URL or imported path
  std::string etag;
  std::string last_modified;
  std::string fetched_at;  // RFC 3339, when this state was taken
  size_t advisories = 0;
};

struct StoreStatus {
  std::string path;
  std::string built_at;  // RFC 3339
  std::vector<SourceInfo> sources;
  std::vector<std::pair<std::string, size_t>> ecosystems;  // base ecosystem, advisory count
  size_t advisories = 0;
  size_t withdrawn = 0;
  size_t kev_entries = 0;  // KEV catalog entries known
  size_t kev_marked = 0;   // advisories marked actively exploited
};

// Read side: opened read-only; lookups are by (ecosystem, name).
class AdvisoryStore {
 public:
  virtual ~AdvisoryStore() = default;
  // Every non-withdrawn advisory with an `affected` entry for this package. `ecosystem` as the
  // inventory gives it ("Debian:12"): entries for the same base ecosystem and release match.
  // Each advisory's `affected` holds only the entries for this package (a distro advisory lists
  // hundreds of binary packages; decoding them all would cost 30 us per advisory); `details` is
  // left empty and `references` holds only the first (what a finding prints; by_id() gives the
  // whole advisory). Sorted by id.
  virtual Result<std::vector<Advisory>> lookup(std::string_view ecosystem,
                                               std::string_view name) = 0;
  virtual Result<StoreStatus> status() = 0;
  // The advisories with this id or alias, whole (withdrawn included, for `explain`-style lookups).
  virtual Result<std::vector<Advisory>> by_id(std::string_view id_or_alias) {
    (void)id_or_alias;
    return fail(Errc::kUnsupported, "lookup by id not supported by this store");
  }
};

// Opens `<data_dir>/osv.db`. kNotFound when there is no store yet. The store is opened read-only
// and immutable (the file is never modified in place, only replaced by rename), so an update that
// renames a new store over it leaves this reader on the old file. One AdvisoryStore per thread.
//
// lookup(ecosystem, name): a query ecosystem with a release ("Debian:12") matches advisory entries
// of the same base whose suffix is the same ("Debian:12") or absent ("Debian"); a query without one
// ("Debian", "PyPI", "Maven") matches every entry of that base, whatever its suffix.
Result<std::unique_ptr<AdvisoryStore>> open_store(const std::string& data_dir);

// The data dir (DESIGN.md: XDG data dir, overridable with --data-dir): $SHIELDWALL_DATA_DIR when
// set, else $XDG_DATA_HOME/shieldwall (when absolute, per the XDG Base Directory spec), else
// $HOME/.local/share/shieldwall.
std::string default_data_dir();

// `<data_dir>/osv.db`.
std::string store_path(const std::string& data_dir);

// "file:" URI for sqlite3_open_v2 / ATTACH with SQLITE_OPEN_URI: '%', '?' and '#' escaped, then
// "?" + params ("mode=ro&immutable=1").
std::string sqlite_file_uri(const std::string& path, std::string_view params);

// "Debian:12" -> {"Debian", "12"}; "PyPI" -> {"PyPI", ""}. Views into `ecosystem`.
struct EcosystemParts {
  std::string_view base;
  std::string_view release;
};
EcosystemParts split_ecosystem(std::string_view ecosystem);

// The name as the store indexes it for this ecosystem (see the rules at the top).
std::string normalize_package_name(std::string_view ecosystem, std::string_view name);

// Whether an advisory's affected ecosystem string applies to a queried one (rules above).
bool ecosystem_matches(std::string_view query, std::string_view advisory_ecosystem);

// Whether an affected entry is for this package: the same rule lookup() applies, for the matcher
// to pick the entries of a returned advisory that concern the package it asked about.
bool affected_matches(const Affected& affected, std::string_view ecosystem, std::string_view name);

}  // namespace sw::vuln

// SPDX-License-Identifier: Apache-2.0
// The advisory store: one SQLite file in the data dir (osv.db). Built whole in a temporary file
// and renamed over the old one, so a reader that opened the old file keeps a consistent old state
// and a failed or interrupted update never leaves a broken store.
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
  virtual Result<std::vector<Advisory>> lookup(std::string_view ecosystem,
                                               std::string_view name) = 0;
  virtual Result<StoreStatus> status() = 0;
};

// Opens `<data_dir>/osv.db`. kNotFound when there is no store yet.
Result<std::unique_ptr<AdvisoryStore>> open_store(const std::string& data_dir);

// The data dir: $SHIELDWALL_DATA_DIR, else /var/lib/shieldwall for root, else
// $XDG_DATA_HOME/shieldwall or ~/.local/share/shieldwall.
std::string default_data_dir();

}  // namespace sw::vuln

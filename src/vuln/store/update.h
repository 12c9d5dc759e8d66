// SPDX-License-Identifier: Apache-2.0
// `db update` and `db import`: filling the advisory store (store.h, builder.h).
//
// update: each source (osv.dev's per-ecosystem archives `<base>/<Ecosystem>/all.zip`, and the CISA
// KEV catalog JSON) is fetched with libcurl as a conditional GET (If-None-Match / If-Modified-Since
// from the cached copy's ETag / Last-Modified, RFC 9110 section 13.1). 304 keeps the cached copy
// in `<data_dir>/archives/`; 200 downloads to a temporary file there, which is verified (length as
// announced, zip structure and every member's CRC, every record through the OSV parser / the KEV
// parser) before it replaces the cached copy. Then, when anything changed, the store is rebuilt
// from every cached archive plus the imported sources of the old store, and swapped atomically.
// A source that fails (network, HTTP status, truncated body, corrupt archive) is reported and its
// cached copy (if any) stays in use; the other sources still update. HTTPS only, certificates
// verified; plain http:// is accepted for loopback hosts (tests, local mirrors) only.
//
// import: PATHs (directories, OSV JSON/YAML files, all.zip archives, the KEV catalog JSON) are
// ADDED to the store: each PATH is a source named by its absolute path, replacing an earlier import
// of the same path; every other source of the existing store is kept (a KEV import replaces the KEV
// catalog). A PATH that cannot be read fails the whole import and leaves the store as it was.
//
// Both take `<data_dir>/lock` (flock) so two runs never build at the same time.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "vuln/store/store.h"

namespace sw::vuln {

inline constexpr const char* kDefaultOsvBaseUrl =
    "https://osv-vulnerabilities.storage.googleapis.com";
inline constexpr const char* kDefaultKevUrl =
    "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json";

struct UpdateOptions {
  std::string data_dir;
  std::string base_url = kDefaultOsvBaseUrl;
  // OSV ecosystem names as osv.dev names its archive folders; empty: default_update_ecosystems().
  std::vector<std::string> ecosystems;
  std::string kev_url = kDefaultKevUrl;  // empty: no KEV
  long connect_timeout_s = 30;
  long stall_timeout_s = 60;    // abort a transfer slower than 1 byte/s for this long
  long total_timeout_s = 3600;  // whole transfer of one archive
  std::string user_agent = "shieldwall";
};

enum class FetchOutcome { kDownloaded, kNotModified, kFailed, kImported };

struct SourceReport {
  std::string name;
  std::string url;
  FetchOutcome outcome = FetchOutcome::kFailed;
  std::string error;            // kFailed: why
  bool cached = false;          // kFailed: an earlier copy stays in use
  size_t advisories = 0;        // records read from the (new or cached) copy, or KEV entries
  size_t skipped = 0;           // malformed records skipped
  std::vector<Error> warnings;  // one per skipped record
};

struct UpdateReport {
  std::vector<SourceReport> sources;
  bool rebuilt = false;
  std::string store_path;
  size_t advisories = 0;  // in the new store when rebuilt
  bool any_failed() const;
};

// Fetches, verifies, rebuilds. An Error only when nothing could be done at all (lock held, data
// dir unwritable, rebuild failed); per-source failures are in the report.
Result<UpdateReport> update_store(const UpdateOptions& options);

// Adds PATHs to the store (see above).
Result<UpdateReport> import_paths(const std::string& data_dir,
                                  const std::vector<std::string>& paths);

// The OSV ecosystem of the distribution described by os-release text (ID, then ID_LIKE), e.g.
// "Debian", "Ubuntu", "AlmaLinux", "Rocky Linux"; empty when osv.dev has none for it.
std::string os_release_ecosystem(std::string_view os_release_text);
// This host's distribution (/etc/os-release, else /usr/lib/os-release) plus npm, PyPI, Go,
// crates.io, Maven, RubyGems, NuGet and Packagist.
std::vector<std::string> default_update_ecosystems();

// `<data_dir>/lock`, held (flock LOCK_EX) for the object's life. kUsage when another run holds it.
class DataDirLock {
 public:
  static Result<DataDirLock> acquire(const std::string& data_dir);
  DataDirLock(DataDirLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  DataDirLock& operator=(DataDirLock&&) = delete;
  DataDirLock(const DataDirLock&) = delete;
  ~DataDirLock();

 private:
  explicit DataDirLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace sw::vuln

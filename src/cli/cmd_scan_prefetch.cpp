// SPDX-License-Identifier: Apache-2.0
#include "cli/scan_prefetch.h"
#include "scan/facts/file_index.h"
#include "scan/facts/package_files.h"

namespace sw::cli {

std::vector<std::function<void(scan::ScanContext&)>> scan_prefetch_jobs(
    const scan::ScanOptions& options) {
  std::vector<std::function<void(scan::ScanContext&)>> jobs;
  // The walk is the one slow fact (seconds on a full root); the dpkg file lists, which only the
  // walk's SUID check reads, come next. Without the walk neither is needed.
  if (options.walk) {
    jobs.emplace_back([](scan::ScanContext& ctx) { (void)ctx.fact<scan::FileIndex>(); });
    jobs.emplace_back([](scan::ScanContext& ctx) { (void)ctx.fact<scan::PackageFiles>(); });
  }
  return jobs;
}

}  // namespace sw::cli

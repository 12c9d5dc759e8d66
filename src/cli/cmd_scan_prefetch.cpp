// SPDX-License-Identifier: Apache-2.0
#include "cli/scan_prefetch.h"
#include "scan/facts/accounts.h"

namespace sw::cli {

std::vector<std::function<void(scan::ScanContext&)>> scan_prefetch_jobs(
    const scan::ScanOptions& options) {
  std::vector<std::function<void(scan::ScanContext&)>> jobs;
  (void)options;
  jobs.emplace_back([](scan::ScanContext& ctx) { (void)ctx.fact<scan::Accounts>(); });
  return jobs;
}

}  // namespace sw::cli

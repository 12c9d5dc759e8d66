// SPDX-License-Identifier: Apache-2.0
// Runs checks over a ScanContext and turns their outcomes into a Report: one CheckRecord per check
// evaluated, one Finding per weak item, each routed by the config's ownership rules.
// Checks run in id order; one check that throws or gives no verdict is recorded as an error and
// the others still run.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "core/report.h"
#include "scan/check.h"
#include "scan/context.h"

namespace sw::scan {

struct Selection {
  std::vector<std::string> only;  // check id globs; empty = all
  std::vector<std::string> skip;  // check id globs
};

// The registered checks that `selection` and the config's [scan] skip leave, sorted by id.
std::vector<RegisteredCheck> select_checks(const Selection& selection, const Config& config);

// Called before each check runs (index, total, id): for a progress line.
using ProgressFn = std::function<void(size_t, size_t, std::string_view)>;

// Runs `checks`, appending to `report` (checks, findings, errors). Does not finalize the report.
void run_checks(ScanContext& ctx, const std::vector<RegisteredCheck>& checks, const Config& config,
                Report& report, const ProgressFn& progress = {});

// Builds the finding for one issue of a check (routing included). Exposed for tests.
Finding make_finding(const CheckInfo& info, const Issue& issue, const std::string& host,
                     const Config& config);

}  // namespace sw::scan

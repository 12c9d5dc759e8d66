// SPDX-License-Identifier: Apache-2.0
// Facts worth loading on a second thread at the start of a scan because they are slow (the
// filesystem walk). The scan's checks still get them through ctx.fact<T>(); this only starts early.
#pragma once

#include <functional>
#include <vector>

#include "scan/context.h"

namespace sw::cli {

std::vector<std::function<void(scan::ScanContext&)>> scan_prefetch_jobs(
    const scan::ScanOptions& options);

}  // namespace sw::cli

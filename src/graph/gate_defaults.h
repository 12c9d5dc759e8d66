// SPDX-License-Identifier: Apache-2.0
// The default success probability of a vulnerability gate (../shared/specs/graph.md, 2.2, table
// "Default p and fix_cost"): KEV, else EPSS (at least epss_min_p), else the CVSS exploitability
// (v3.x: 0.9 x E / E_max; v2: MulVAL's AC mapping), else the remote/local constant. A product
// decision, not a standard; the source is returned so that the UI can say where p came from.
#pragma once

#include <optional>
#include <string_view>

#include "graph/model.h"

namespace sw::graph {

// p from a CVSS base vector: v3.0/v3.1 ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/...") gives
// 0.9 x E / E_max with E = 8.22 x AV x AC x PR x UI (PR by scope); v2 ("AV:N/AC:M/Au:N/...",
// optionally in parentheses or after "CVSS:2.0/") gives AC L 0.9, M 0.6, H 0.2. nullopt for
// anything else (CVSS 4.0 included: the spec gives it no rule).
struct CvssP {
  double p = 0;
  int version = 0;  // 2 or 3
};
std::optional<CvssP> cvss_exploit_p(std::string_view vector);

struct DefaultP {
  double p = 0;
  std::string_view source;  // "kev", "epss", "cvss3", "cvss2", "default"
};
// The default p of a vuln finding (code_exec counts as remote, anything else as local).
DefaultP default_vuln_p(const Finding& f, const Defaults& d);

}  // namespace sw::graph

// SPDX-License-Identifier: Apache-2.0
// RFC 3339 timestamps (UTC, "Z") for the store's built_at / fetched_at and for `db status` ages,
// and the ordering of OSV `modified` stamps (RFC 3339 with optional fractional seconds).
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace sw::vuln {

// "2024-05-01T12:00:00Z" for `t` (default: now).
std::string rfc3339_utc(std::time_t t);
std::string rfc3339_now();
// Seconds since the epoch of "YYYY-MM-DDTHH:MM:SS[.frac](Z|+hh:mm|-hh:mm)"; nullopt otherwise.
std::optional<std::time_t> parse_rfc3339(std::string_view text);
// <0, 0, >0 as `a` is earlier, equal or later than `b`, fractions included. Unparsable stamps
// sort before every parsable one (and among themselves as strings).
int compare_modified(std::string_view a, std::string_view b);

}  // namespace sw::vuln

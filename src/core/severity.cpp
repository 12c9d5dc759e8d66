// SPDX-License-Identifier: Apache-2.0
#include "core/severity.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace sw {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::kInfo:
      return "info";
    case Severity::kLow:
      return "low";
    case Severity::kMedium:
      return "medium";
    case Severity::kHigh:
      return "high";
    case Severity::kCritical:
      return "critical";
  }
  return "info";
}

std::optional<Severity> parse_severity(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "info") return Severity::kInfo;
  if (lower == "low") return Severity::kLow;
  if (lower == "medium" || lower == "moderate") return Severity::kMedium;
  if (lower == "high") return Severity::kHigh;
  if (lower == "critical") return Severity::kCritical;
  return std::nullopt;
}

double base_risk(Severity s) {
  switch (s) {
    case Severity::kInfo:
      return 0.0;
    case Severity::kLow:
      return 2.5;
    case Severity::kMedium:
      return 5.0;
    case Severity::kHigh:
      return 7.5;
    case Severity::kCritical:
      return 9.5;
  }
  return 0.0;
}

Severity severity_for_risk(double risk) {
  if (risk >= 9.0) return Severity::kCritical;
  if (risk >= 7.0) return Severity::kHigh;
  if (risk >= 4.0) return Severity::kMedium;
  if (risk > 0.0) return Severity::kLow;
  return Severity::kInfo;
}

}  // namespace sw

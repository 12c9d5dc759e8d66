// SPDX-License-Identifier: Apache-2.0
// What a person reads about one upgrade: "upgrade openssl from 3.0.11-1~deb12u2
// to 3.0.13-1~deb12u1: fixes 4 advisories, one actively exploited", the advisories with their
// ratings (KEV first), and the command that does it for the package's ecosystem. Shared by
// `shieldwall vuln` and the scan checks, so both say the same words and give the same finding ids.
#pragma once

#include <string>
#include <vector>

#include "core/finding.h"
#include "core/severity.h"
#include "vuln/match.h"

namespace sw::vuln {

struct UpgradeText {
  std::string title;  // the headline, as above
  std::string
      subject;  // "Debian:12/openssl 3.0.11-1~deb12u2" or "npm/lodash (web/package-lock.json)"
  std::string evidence;  // one line per advisory: id (aliases) rating [KEV ...]: summary
  std::string why;       // why this upgrade matters (KEV and ransomware called out)
  std::string fix;       // the ecosystem's command, and the line to change
  std::vector<std::string> references;  // advisory ids and first reference URLs
  Severity severity = Severity::kMedium;
  double risk = 0.0;
  Location location;    // the lockfile or package database line
  std::string package;  // package name (binary for OS packages)
};

UpgradeText describe_upgrade(const MatchResult& result, const Upgrade& upgrade);

// "one", "two", ... "ten", then digits: the headline reads as a sentence.
std::string count_word(size_t n);

}  // namespace sw::vuln

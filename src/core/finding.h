// SPDX-License-Identifier: Apache-2.0
// Finding: one weakness, with who must fix it, why it matters and how (DESIGN.md "Core model").
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/responsible.h"
#include "core/severity.h"

namespace sw {

// Where a finding sits in a file, when it does (for SARIF and for path ownership rules).
struct Location {
  std::string path;  // absolute path as seen inside the scanned root ("/etc/ssh/sshd_config")
  int line = 0;      // 1-based; 0 when unknown or not line-oriented
};

struct Finding {
  std::string id;     // stable fingerprint (see fingerprint()); same weakness, same id, every run
  std::string check;  // rule or check id, e.g. "host.ssh.permit_root_login"
  std::string title;
  Severity severity = Severity::kMedium;
  std::string category;  // family: "ssh", "accounts", "network", ...
  std::string subject;   // what is weak: host, file:line, package@version, account, URL
  std::string evidence;  // what was seen; always redacted for secrets and passwords
  std::string why;       // why it matters, one or two plain sentences
  std::string fix;       // what to do, concretely
  std::vector<std::string> references;  // "CIS Debian 12 5.1.20", "Lynis SSH-7408", "CWE-521"
  Responsible responsible;
  double risk = 0.0;    // 0-10; orders findings (weakest link first)
  Location location;    // empty path when not about a file
  std::string package;  // package the finding is about, if any (ownership rules match it)
  std::string host;     // host name the finding was made on
  // Facts particular to the kind of finding ("commit", "author", "date" and "rule" for a leaked
  // secret), written as a JSON object and SARIF properties; never a secret or password.
  std::vector<std::pair<std::string, std::string>> details;
};

// Stable id of a finding: "SW-" + 16 hex digits of SHA-256 over host, check and subject. It does
// not depend on line numbers, evidence or wording, so it survives edits that move lines.
std::string fingerprint(std::string_view host, std::string_view check, std::string_view subject);

// Total order for reports: risk (desc), severity (desc), owner, check, subject.
bool finding_before(const Finding& a, const Finding& b);

}  // namespace sw

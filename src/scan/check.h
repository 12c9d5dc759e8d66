// SPDX-License-Identifier: Apache-2.0
// The check contract. A check is one file in scan/checks/ holding a constexpr CheckInfo (what it
// is, why it matters, how to fix it, whose part it is by default) and a run function that reads the
// machine only through the ScanContext, then one SW_REGISTER_CHECK line:
//
//   namespace {
//   constexpr sw::scan::CheckInfo kInfo{
//       .id = "host.ssh.permit_root_login", .title = "...", .family = "ssh",
//       .severity = sw::Severity::kHigh, .role = sw::Role::kAdmin,
//       .why = "...", .fix = "...", .cis = "5.1.20", .lynis = "SSH-7408"};
//   void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) { ... }
//   }  // namespace
//   SW_REGISTER_CHECK(kInfo, run);
//
// A run must give a verdict: out.pass(what was verified), out.fail(...) for each weak item,
// out.not_applicable(reason) or out.error(reason). A run that says nothing is recorded as an error
// ("no verdict"), so a check can never pass silently. A run that throws is recorded as an error and
// the scan goes on.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/finding.h"
#include "core/report.h"
#include "core/responsible.h"
#include "core/severity.h"

namespace sw::scan {

class ScanContext;

struct CheckInfo {
  std::string_view id;      // "host.<family>.<rule>", lower case, dots and underscores
  std::string_view title;   // what a passing machine has, in a few words
  std::string_view family;  // "ssh", "accounts", "permissions", "network", "updates", "kernel",
                            // "boot", "logging", "services", "home"
  Severity severity = Severity::kMedium;
  Role role = Role::kAdmin;     // default responsible role
  std::string_view why;         // why it matters: one or two plain sentences
  std::string_view fix;         // how to fix it: concrete steps
  std::string_view cis = {};    // CIS Debian Linux 12 Benchmark sections, space separated: "5.1.20"
  std::string_view lynis = {};  // Lynis test ids, space separated: "SSH-7408"
  std::string_view refs = {};   // other references, space separated: "CWE-521 NIST-SP-800-63B-4"
};

// All references of a check as printed in reports: "CIS Debian 12 5.1.20", "Lynis SSH-7408", ...
std::vector<std::string> references_of(const CheckInfo& info);

// One weak item found by a check.
struct Issue {
  std::string subject;   // what is weak: "/etc/ssh/sshd_config", "account alice", "tcp/0.0.0.0:23"
  std::string evidence;  // what was seen, for a person: "PermitRootLogin yes (sshd_config:32)"
  Location location = {};                 // file and line when the issue is in a file
  std::optional<Severity> severity = {};  // overrides the check's severity for this item
  std::optional<Role> role = {};          // overrides the check's default role
  std::string owner_name = {};  // who, when the check knows (the account owning a home dir)
  std::string team = {};        // with role kTeam: the team's name (from CODEOWNERS)
  bool owner_final = false;     // the owner comes from CODEOWNERS: ownership rules do not apply
  std::string package = {};     // the package concerned, if any
  double risk_delta = 0.0;      // raises or lowers risk within the severity band (-1.0..+1.0)
  // For checks whose items differ in kind (one finding per vulnerable package): per-item text and
  // an absolute 0-10 risk (e.g. a CVSS score) that replace the check's own.
  std::string title = {};
  std::string why = {};
  std::string fix = {};
  std::vector<std::string> references = {};  // added to the check's references
  std::optional<double> risk = {};
  // Facts particular to the item, copied to Finding::details (never a secret or password).
  std::vector<std::pair<std::string, std::string>> details = {};
  // The finding id, when the item has its own stable one (a leaked secret: its fingerprint, the
  // id `shieldwall secrets` gives it, which survives line moves); empty: from host, check, subject.
  std::string id = {};
};

// What one run of a check produced. Not thread-safe; one per check run.
class Outcome {
 public:
  void pass(std::string detail = {});
  void fail(Issue issue);
  void fail(std::string subject, std::string evidence, Location location = {});
  void not_applicable(std::string reason);
  void error(std::string reason);  // could not decide; reason names the file and why

  // pass < not_applicable < error < fail: a failure found beside an error is still a failure (the
  // error is kept in detail); an error beside a pass means the check could not fully decide.
  std::optional<CheckStatus> status() const;
  const std::vector<Issue>& issues() const { return issues_; }
  std::string detail() const;

 private:
  bool passed_ = false;
  std::vector<Issue> issues_;
  std::vector<std::string> pass_notes_;
  std::vector<std::string> na_reasons_;
  std::vector<std::string> errors_;
};

using CheckFn = void (*)(ScanContext&, Outcome&);

struct RegisteredCheck {
  const CheckInfo* info;
  CheckFn run;
};

// The registry of checks, filled at static-initialisation time by SW_REGISTER_CHECK.
class Registry {
 public:
  static bool add(const CheckInfo& info, CheckFn fn);
  // All checks, sorted by id (registration order is link order, so never rely on it).
  static std::vector<RegisteredCheck> all();
  static std::optional<RegisteredCheck> find(std::string_view id);
};

}  // namespace sw::scan

#define SW_CONCAT_INNER_(a, b) a##b
#define SW_CONCAT_(a, b) SW_CONCAT_INNER_(a, b)
#define SW_REGISTER_CHECK(info, fn)                                                          \
  namespace {                                                                                \
  [[maybe_unused]] const bool SW_CONCAT_(sw_registered_check_,                               \
                                         __COUNTER__) = ::sw::scan::Registry::add(info, fn); \
  }

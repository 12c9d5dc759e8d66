// SPDX-License-Identifier: Apache-2.0
// Config: shieldwall.toml (see docs/config.md). Holds the ownership rules that route findings to
// the people responsible, names for the default roles, and scan selection.
//
//   [roles]                       # who the default roles are, here
//   admin = "Ops <ops@example.com>"
//
//   [[owner]]                     # first matching rule wins; every given criterion must match
//   check = "host.ssh.*"          # glob on the check id
//   host = "web-*"                # glob on the host name
//   path = "/srv/app/**"          # glob on the finding's file path
//   package = "openssh-*"         # glob on the package name
//   responsible = "team:web"      # user | admin | developer | org | team:NAME
//   name = "Web team <web@example.com>"
//
//   [scan]
//   skip = ["host.boot.*"]        # globs of check ids not to run
//   fail_on = "high"
//
// Loading never stops at the first problem: every bad line is reported (file and line) and skipped,
// and the rest of the file is used.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/finding.h"
#include "core/responsible.h"
#include "core/severity.h"

namespace sw {

struct OwnershipRule {
  std::string check;    // glob, empty = any
  std::string host;     // glob, empty = any
  std::string path;     // path glob ("**" crosses directories), empty = any
  std::string package;  // glob, empty = any
  Responsible responsible;
  int line = 0;  // where the rule is, for `explain` and error messages

  bool matches(const Finding& f) const;
};

// [phish]: what the phishing analyser trusts and protects (docs/config.md).
struct ProtectedPerson {
  std::string name;                  // "Jane Doe": a display name impersonating her scores
  std::vector<std::string> domains;  // the domains her real mail comes from
};
struct PhishConfig {
  std::vector<std::string> trusted_authserv_ids;  // Authentication-Results ids of our receivers
  std::vector<std::string> trusted_arc_sealers;   // forwarders whose ARC seals we trust (d=)
  std::vector<std::string> protected_domains;     // added to the built-in brand list
  std::vector<std::string> own_domains;           // the organization's own mail domains
  std::vector<ProtectedPerson> protected_people;
  std::vector<std::string> feeds;  // known-bad URL feed files (OpenPhish / PhishTank CSV)
  std::string public_suffix_list;  // a newer public_suffix_list.dat ("" = Debian's / built-in)
  std::optional<int> suspicious_at;
  std::optional<int> phishing_at;
};

struct Config {
  std::string path;  // file it came from; empty for defaults
  std::vector<OwnershipRule> owners;
  std::map<std::string, std::string> role_names;  // "admin" -> "Ops <ops@example.com>"
  std::vector<std::string> skip;                  // check id globs
  std::optional<Severity> fail_on;
  PhishConfig phish;

  // Routes a finding: the first matching [[owner]] rule, else the finding's default role, named
  // from [roles] when the finding carries no name of its own.
  Responsible resolve(const Finding& f) const;
  bool skipped(std::string_view check_id) const;
};

struct ConfigLoad {
  Config config;
  std::vector<Error> errors;  // every problem, with file and line; the config holds the rest
};

// Reads and parses a config file. A missing file is an error unless `optional` is set.
ConfigLoad load_config(const std::string& path, bool optional = false);
// Parses config text; `path` is only used in messages.
ConfigLoad parse_config(std::string_view text, const std::string& path);

}  // namespace sw

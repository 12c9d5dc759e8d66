// SPDX-License-Identifier: Apache-2.0
// SshdConfig: the effective OpenSSH server configuration, computed the way sshd 9.2 (Debian 12)
// computes it from /etc/ssh/sshd_config (sshd_config(5), servconf.c):
//
//  - A line is `Keyword arguments`, `Keyword=arguments` or `Keyword = arguments`; keywords are
//    case-insensitive; blank lines and lines starting with '#' are ignored; an argument starting
//    with '#' ends the line. Arguments may be quoted with "" or '' (a backslash escapes a quote, a
//    backslash, or a space outside quotes); an unterminated quote makes the line invalid.
//  - For most keywords the FIRST obtained value wins; later lines for the same keyword are ignored.
//    Some accumulate over all lines: Port, ListenAddress, HostKey, HostCertificate, AcceptEnv,
//    AllowUsers, DenyUsers, AllowGroups, DenyGroups. Subsystem is first-wins per subsystem name
//    (a repeated name is an error in 9.2). Aliases share their option (ChallengeResponse-
//    Authentication is KbdInteractiveAuthentication, HostDSAKey is HostKey, ...).
//  - `Include PATTERN...` is processed in place: each glob pattern (relative patterns are taken
//    relative to /etc/ssh) expands to files in lexical order, each parsed recursively (at most 16
//    levels deep); a pattern matching nothing is not an error. Debian's shipped file begins with
//    `Include /etc/ssh/sshd_config.d/*.conf`, so drop-ins there win over the main file.
//  - `Match CRITERIA` starts a conditional block that lasts until the next Match line or the end of
//    the file it is in (an included file ends a Match block begun in it; an Include inside a Match
//    block belongs to that block). Match blocks apply per connection and OVERRIDE the global value
//    for the connections they match, so they are kept apart here, never merged into the globals.
//    Only some keywords are allowed inside Match; others there are errors.
//  - Unknown keywords, keywords without arguments, invalid values for typed keywords (yes/no flags,
//    numbers, times, log levels, PermitRootLogin...) and extra arguments to single-value keywords
//    make sshd refuse to start; they are reported as problems with file:line and skipped.
//    Deprecated and unsupported keywords (Protocol, UsePrivilegeSeparation, RSAAuthentication...)
//    are ignored as sshd ignores them.
//  - Algorithm lists (Ciphers, MACs, KexAlgorithms, ...) starting with '+' append to the default
//    list, '-' remove the entries matching the given patterns from it, '^' prepend to it
//    (kex_assemble_names). Algorithm names are not validated against the 9.2 supported set.
//
// The parser is a pure function over text; the files an Include names are obtained through a
// resolver callback, so tests and fuzzers drive it without a filesystem. load() wires it to the
// Host and reports problems with ctx.input_error().
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/finding.h"
#include "core/result.h"

namespace sw::scan {

class ScanContext;
class Outcome;

inline constexpr std::string_view kSshdConfigPath = "/etc/ssh/sshd_config";
inline constexpr std::string_view kSshdBinaryPath = "/usr/sbin/sshd";

// One directive as written.
struct SshdSetting {
  std::string keyword;            // as written: "PermitRootLogin"
  std::string name;               // canonical lower-case option name: "permitrootlogin"
  std::vector<std::string> args;  // unquoted arguments
  std::string file;
  int line = 0;

  std::string value() const;     // arguments joined by a space
  std::string text() const;      // "PermitRootLogin yes"
  std::string where() const;     // "/etc/ssh/sshd_config:3"
  std::string evidence() const;  // "PermitRootLogin yes (/etc/ssh/sshd_config:3)"
};

struct SshdMatch {
  std::string criteria;  // "Address 10.0.0.0/8" (an outer Match's criteria joined with " + ")
  std::string file;
  int line = 0;
  std::vector<SshdSetting> settings;  // in file order

  // The first setting of `name` (canonical, lower-case) in this block: what the block gives a
  // connection it matches.
  const SshdSetting* find(std::string_view name) const;
};

// Where a keyword gets its value for some connections: the global effective value (or the
// compiled-in default when nothing sets it), or a Match block that sets it.
struct SshdValueSite {
  std::string name;                      // canonical option name: "permitrootlogin"
  std::string value;                     // the value (lower-cased for yes/no and enum keywords)
  const SshdSetting* setting = nullptr;  // null: the OpenSSH default applies
  const SshdMatch* match = nullptr;      // null: global
  std::string display;                   // the keyword as a person writes it: "PermitRootLogin"

  // "PermitRootLogin yes (/etc/ssh/sshd_config:3)", "PermitRootLogin not set (OpenSSH default
  // prohibit-password)", "PermitRootLogin yes (f:9) in Match Address 10.0.0.0/8 (f:8)".
  std::string evidence() const;
  // "sshd PermitRootLogin" or "sshd Match Address 10.0.0.0/8: PermitRootLogin".
  std::string subject() const;
  Location location(std::string_view main_file) const;
};

// One file the resolver found for an Include pattern: its text, or why it could not be read.
struct SshdIncludedFile {
  std::string path;
  std::optional<std::string> text;
  std::optional<Error> error;
};
// Expands one absolute glob pattern to the matching files, in lexical order.
using SshdIncludeResolver = std::function<std::vector<SshdIncludedFile>(std::string_view pattern)>;

struct SshdConfig {
  bool binary_present = false;  // /usr/sbin/sshd exists
  bool config_present = false;  // /etc/ssh/sshd_config exists
  std::string main_file = std::string(kSshdConfigPath);
  std::vector<std::string> files;             // every file read, main first, in parse order
  std::vector<std::string> include_patterns;  // absolute Include patterns, in order met
  std::map<std::string, std::vector<SshdSetting>> effective;  // canonical name -> value(s)
  std::vector<SshdMatch> matches;
  std::vector<Error> problems;     // malformed lines (sshd would refuse them)
  std::vector<Error> read_errors;  // the main or an included file could not be read

  // The effective global setting of `name` (canonical, lower-case), or null when unset.
  const SshdSetting* get(std::string_view name) const;
  // All effective lines of an accumulating keyword (HostKey, Port, ...), in order.
  const std::vector<SshdSetting>& all(std::string_view name) const;
  // Global value (or default) followed by every Match block that sets the keyword.
  std::vector<SshdValueSite> sites(std::string_view name) const;
  SshdValueSite global(std::string_view name) const;
  // The effective algorithm list (Ciphers / MACs / KexAlgorithms ...): default, or the configured
  // list with +/-/^ applied to the default.
  std::vector<std::string> algorithms(std::string_view name) const;

  static Result<SshdConfig> load(ScanContext& ctx);
};

// Parses `text` as the file `path` (Include patterns are resolved with `resolver`, which may be
// empty: then Include lines match nothing). Never throws; problems land in the result.
SshdConfig parse_sshd_config(std::string_view text, const std::string& path,
                             const SshdIncludeResolver& resolver = {});

// The OpenSSH 9.2 compiled-in default of an option (canonical name), or "" when we do not model
// it. Algorithm defaults are comma-separated lists.
std::string_view sshd_default(std::string_view name);
// The keyword as documented ("permitrootlogin" -> "PermitRootLogin"); the name itself if unknown.
std::string_view sshd_display_name(std::string_view name);
// sshd's convtime(): "90", "2m", "1h30m", "1w" -> seconds; nullopt when invalid.
std::optional<long> sshd_parse_time(std::string_view text);
// Applies an algorithm list specification ("+a,b", "-pat*", "^a", "a,b") to a default list.
std::vector<std::string> sshd_assemble_algorithms(std::string_view spec,
                                                  std::string_view default_list);
// match.c match_pattern_list(): true when a pattern of the comma-separated list matches `s`
// ('*' and '?' wildcards) and no negated ('!') pattern does.
bool sshd_match_pattern_list(std::string_view s, std::string_view list);
// Case-insensitive ASCII lower-casing.
std::string sshd_lower(std::string_view s);
// Splits a comma-separated list.
std::vector<std::string> sshd_split_list(std::string_view list);

// The common preamble of the ssh checks: gives the not-applicable or error verdict and returns
// null when there is no configuration to judge; otherwise returns the config and records an
// error for every file that could not be read (a failure found beside it still counts).
const SshdConfig* sshd_config_for_check(ScanContext& ctx, Outcome& out);

}  // namespace sw::scan

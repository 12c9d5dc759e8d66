// SPDX-License-Identifier: Apache-2.0
// Sysctl: kernel parameters, both as the running kernel has them (/proc/sys, live mode only) and as
// they will be after the next boot (the *persisted* value).
//
// Persisted values follow systemd-sysctl(8) and sysctl.d(5), which apply them at boot on Debian 12
// (Debian's procps.service is an alias of systemd-sysctl.service):
//   - files *.conf in /etc/sysctl.d, /run/sysctl.d, /usr/local/lib/sysctl.d, /usr/lib/sysctl.d and
//     /lib/sysctl.d; a file in an earlier directory masks a same-named file in a later one (a
//     symlink to /dev/null or an empty file masks it away entirely);
//   - the surviving files are applied in the order of their file names; a later assignment of a key
//     replaces an earlier one;
//   - /etc/sysctl.conf is applied last, as procps `sysctl --system` does, unless one of the files
//     above is that same file (Debian ships /etc/sysctl.d/99-sysctl.conf -> ../sysctl.conf; it is
//     then applied once, at its place in the order).
// Line syntax: "key = value"; blank lines and lines starting with '#' or ';' are comments; a
// leading '-' on the key means "ignore a failure to set it"; the key separators are '.' or '/'
// (when the first separator is '/', dots are literal, e.g. net/ipv4/conf/eth0.10/rp_filter);
// keys may hold glob patterns (*, ?, [...]). As in systemd-sysctl, an explicit assignment of a key
// anywhere takes precedence over any glob that also matches it; among globs the last one wins.
// Globs are matched against the keys the checks ask about, so they work the same in --root mode.
//
// Kernel defaults (what a key is when nothing sets it) depend on the kernel build; the kernel
// configuration of the installed kernel (/boot/config-VERSION) is read so checks can use the
// build's default where a Kconfig option sets it (CONFIG_SECURITY_DMESG_RESTRICT, ...).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/result.h"
#include "core/severity.h"

namespace sw {
class Host;
}

namespace sw::scan {

class ScanContext;
class Outcome;

// One "key = value" line of a sysctl.d file.
struct SysctlAssignment {
  std::string key;  // canonical path form, "net/ipv4/conf/all/rp_filter" (may hold glob chars)
  std::string value;
  std::string file;
  int line = 0;
  bool glob = false;           // the key holds *, ? or [
  bool ignore_errors = false;  // the key had a leading '-'
};

// Parses one sysctl.d file. Malformed lines are appended to `errors` (file and line) and skipped.
std::vector<SysctlAssignment> parse_sysctl_conf(std::string_view text, const std::string& path,
                                                std::vector<Error>& errors);

// "net.ipv4.conf.eth0/10.rp_filter" or "net/ipv4/conf/eth0.10/rp_filter" ->
// "net/ipv4/conf/eth0.10/rp_filter" (the path below /proc/sys).
std::string sysctl_path_key(std::string_view key);
// The inverse, as sysctl(8) prints keys: "net/ipv4/conf/eth0.10/rp_filter" ->
// "net.ipv4.conf.eth0/10.rp_filter".
std::string sysctl_dotted_key(std::string_view path_key);

struct SysctlSetting {
  std::string value;
  std::string file;  // the file of the winning assignment
  int line = 0;
  bool glob = false;  // it came from a glob pattern
};

struct Sysctl {
  bool live = false;
  std::vector<std::string> files;             // applied, in order
  std::vector<SysctlAssignment> assignments;  // in application order
  // Kconfig of the kernel (CONFIG_X -> "y"/"m"/value), from kernel_config_file; empty if none.
  std::map<std::string, std::string> kernel_config;
  std::string kernel_config_file;
  bool debian = false;  // /etc/debian_version exists (Debian kernels patch some defaults)

  // IPv6: enabled unless /proc/sys/net/ipv6 is missing (live) or the kernel command line in
  // /etc/default/grub(.d) has ipv6.disable=1 (image).
  bool ipv6_enabled = true;
  std::string ipv6_reason;

  // The value the key gets at boot from the files, or nullopt when no file sets it.
  std::optional<SysctlSetting> persisted(std::string_view key) const;
  // The value in the running kernel (nullopt when not live or the key does not exist).
  std::optional<std::string> live_value(const Host& host, std::string_view key) const;
  // A Kconfig option's value ("y", "m", "n" when unset in a known config, "" when no config).
  std::string kconfig(std::string_view option) const;

  static Result<Sysctl> load(ScanContext& ctx);
};

// What one key must be, for the shared evaluation below.
struct SysctlExpect {
  std::string key = {};   // dotted form, "net.ipv4.ip_forward"
  std::string want = {};  // for people: "0", "1 or 2", "at least 1"
  bool (*ok)(long value) = nullptr;
  long kernel_default = 0;
  std::string default_note = "kernel default";  // where the default comes from
  std::string extra = {};                       // appended to the evidence of a failure
  std::optional<Severity> severity = {};
};

enum class SysctlVerdict { kGood, kWeak, kAbsent };

// Evaluates one key, live and persisted. In live mode both must be good; a key missing from the
// running kernel gives kAbsent (nothing recorded). In image mode the persisted value (or the
// kernel default) is judged. A weak key records one Issue whose evidence shows the key, the live
// value, the persisted value and where it is set (file:line or the kernel default). A good key
// appends a line to `good` (for the check's pass detail).
SysctlVerdict evaluate_sysctl(ScanContext& ctx, Outcome& out, const SysctlExpect& expect,
                              std::vector<std::string>& good);

// Shared preamble of sysctl checks: loads the fact, records an error or not-applicable (inside a
// container the kernel parameters belong to the host) and returns nullptr when the check must stop.
const Sysctl* sysctl_for_check(ScanContext& ctx, Outcome& out);

// Runs evaluate_sysctl over `keys` and records a pass listing the good keys when none is weak.
// `note` is appended to the pass detail. Returns the number of weak keys.
int evaluate_sysctl_keys(ScanContext& ctx, Outcome& out, const std::vector<SysctlExpect>& keys,
                         std::string_view note = {});

// Predicates for SysctlExpect::ok.
bool sysctl_is_zero(long v);
bool sysctl_is_one(long v);
bool sysctl_at_least_one(long v);
bool sysctl_is_two(long v);
bool sysctl_one_or_two(long v);

}  // namespace sw::scan

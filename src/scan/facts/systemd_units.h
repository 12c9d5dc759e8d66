// SPDX-License-Identifier: Apache-2.0
// SystemdUnits: which units are installed, enabled, masked and (when live) active, read from the
// filesystem the way systemctl(1) and systemd.unit(5) lay it out, without talking to systemd:
//  - installed: a unit file NAME in /etc/systemd/system, /run/systemd/system,
//    /usr/local/lib/systemd/system, /usr/lib/systemd/system or /lib/systemd/system (the unit
//    search path, highest priority first; the first one found is the unit's file);
//  - enabled: a symlink NAME in a *.wants/ or *.requires/ directory of those paths (what
//    `systemctl enable` creates from [Install] WantedBy=/RequiredBy=, and what packages ship as
//    "static" enablement in /usr/lib); for SysV init scripts without a unit, an S??NAME link in
//    /etc/rc[2-5].d (what systemd-sysv-generator and sysv-rc honour);
//  - masked: NAME in /etc/systemd/system or /run/systemd/system is a symlink to /dev/null (or an
//    empty file): masked units never start, whatever their links say;
//  - active (live only, best effort): /run/systemd/units/invocation:NAME exists (systemd writes it
//    for every started unit), or a process whose /proc/PID/comm equals the daemon's name runs.
//
// Also here, because other facts and checks reuse them: the systemd INI syntax parser
// (systemd.syntax(7)) and the reader of systemd configuration files with drop-ins
// (systemd-system.conf(5) / journald.conf(5) "CONFIGURATION DIRECTORIES AND PRECEDENCE").
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/host.h"
#include "core/result.h"

namespace sw::scan {

class ScanContext;

// One "Key=Value" assignment of a systemd-style INI file.
struct IniEntry {
  std::string section;  // "Journal", "Mount", "Install"
  std::string key;
  std::string value;  // trimmed; continuation lines (trailing backslash) joined with a space
  std::string path;   // file it came from
  int line = 0;
};

// Parses systemd INI syntax (systemd.syntax(7)): "[Section]" headers, "Key=Value" lines, comments
// starting with '#' or ';', blank lines, and lines ending in '\' continued on the next line. A
// line that is none of these is reported in `errors` (file and line) and skipped.
std::vector<IniEntry> parse_systemd_ini(std::string_view text, const std::string& path,
                                        std::vector<Error>& errors);

// The effective configuration of a systemd configuration file and its drop-ins, in the order
// systemd applies them (the last assignment of a key wins):
//   1. the main file: the first of `main_candidates` that exists (e.g. /etc/systemd/journald.conf,
//      then /run/..., /usr/local/lib/..., /usr/lib/...);
//   2. the drop-ins "*.conf" of `dropin_dirs`, given highest priority first: a file name present
//      in several directories is taken from the highest-priority one only, a drop-in that is a
//      symlink to /dev/null (or empty) masks that name, and the remaining files are applied
//      sorted by file name, whatever their directory.
// Parse problems go to ctx.input_error(). `read_error` receives a read failure other than
// "not found" (permission denied), when not null.
std::vector<IniEntry> read_systemd_config(ScanContext& ctx,
                                          const std::vector<std::string>& main_candidates,
                                          const std::vector<std::string>& dropin_dirs,
                                          std::optional<Error>* read_error = nullptr);

// The last value of `key` in `section`, or nullopt.
const IniEntry* last_value(const std::vector<IniEntry>& entries, std::string_view section,
                           std::string_view key);

struct UnitStatus {
  std::string name;
  bool installed = false;
  std::string path;  // the unit file (or /etc/init.d script) found
  bool enabled = false;
  std::string enabled_by;  // the link that enables it: "/etc/systemd/system/multi-user..."
  bool masked = false;
  std::optional<bool> active;  // live only; nullopt when it cannot be told
};

struct SystemdUnits {
  bool live = false;
  bool systemd_running = false;
  std::map<std::string, std::string> unit_files;    // unit name -> first file on the search path
  std::map<std::string, std::string> wanted;        // unit name -> first *.wants/*.requires link
  std::map<std::string, std::string> masked;        // unit name -> masking path
  std::map<std::string, std::string> sysv_scripts;  // script name -> /etc/init.d/NAME
  std::map<std::string, std::string> sysv_enabled;  // script name -> /etc/rcN.d/SxxNAME
  std::set<std::string> invocations;                // live: units with an invocation id
  std::set<std::string> process_names;              // live: comm of running processes

  // The state of unit `name` ("auditd.service"). `process` is the daemon's process name
  // (comm, at most 15 chars) used to tell whether it runs when systemd cannot say.
  UnitStatus unit(std::string_view name, std::string_view process = {}) const;

  static Result<SystemdUnits> load(ScanContext& ctx);
};

// The unit search path, highest priority first.
const std::vector<std::string>& unit_search_path();

}  // namespace sw::scan

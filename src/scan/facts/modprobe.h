// SPDX-License-Identifier: Apache-2.0
// Modprobe: the kernel module configuration as kmod's modprobe(8) reads it (modprobe.d(5)), plus
// which modules the installed kernels ship and which are loaded now.
//
//   - files *.conf in /etc/modprobe.d, /run/modprobe.d, /usr/local/lib/modprobe.d,
//     /usr/lib/modprobe.d and /lib/modprobe.d; a file in an earlier directory masks a same-named
//     file in a later one (a symlink to /dev/null masks it away); the surviving files are read in
//     the order of their file names;
//   - one command a line, '#' starts a comment line, a trailing '\' joins the next line;
//   - module names treat '-' and '_' alike ("usb-storage" is "usb_storage");
//   - `install MODULE COMMAND...` runs COMMAND instead of loading the module; kmod uses the *first*
//     install command whose module pattern matches (fnmatch), so an earlier file wins;
//   - `blacklist MODULE` makes modprobe ignore the module's own aliases: automatic loading (udev
//     modalias, the kernel's "fs-NAME" request on mount) no longer loads it, an explicit
//     `modprobe MODULE` still does.
// Available modules come from /lib/modules/VERSION/modules.dep and modules.builtin (every
// installed kernel in --root mode, the running one in live mode); loaded ones from /proc/modules.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/result.h"

namespace sw::scan {

class ScanContext;

struct ModprobeDirective {
  std::string command;  // "install", "blacklist", "alias", "options", "remove", "softdep"
  std::string module;   // normalised ('-' -> '_'); may be a glob pattern for install/remove
  std::string args;     // the rest of the line (install: the command)
  std::string file;
  int line = 0;
};

// Parses one modprobe.d file. Malformed lines are appended to `errors` and skipped.
std::vector<ModprobeDirective> parse_modprobe_conf(std::string_view text, const std::string& path,
                                                   std::vector<Error>& errors);

// "usb-storage" -> "usb_storage" ('-' inside [...] kept, as kmod does).
std::string normalize_module_name(std::string_view name);

// Module names in a modules.dep or modules.builtin text ("kernel/fs/hfs/hfs.ko.xz: ..." -> "hfs").
std::set<std::string> parse_module_list(std::string_view text);

struct Modprobe {
  std::vector<std::string> files;                // read, in order
  std::vector<ModprobeDirective> directives;     // in reading order
  std::map<std::string, std::string> available;  // module -> "/lib/modules/VERSION" shipping it
  std::map<std::string, std::string> builtin;    // module -> kernel version built into
  bool modules_known = false;  // at least one /lib/modules/VERSION/modules.dep was read
  bool live = false;
  std::set<std::string> loaded;  // from /proc/modules (live only)

  // The install command kmod would run for `module` (first match), or nullptr.
  const ModprobeDirective* install_for(std::string_view module) const;
  // A blacklist line for `module`, or nullptr.
  const ModprobeDirective* blacklist_for(std::string_view module) const;

  static Result<Modprobe> load(ScanContext& ctx);
};

// True when an install command only exits (/bin/false, /bin/true, false, true...).
bool install_disables(std::string_view command);

}  // namespace sw::scan

// SPDX-License-Identifier: Apache-2.0
// CoreDumps: what limits and stores core dumps, besides the fs.suid_dumpable sysctl.
//
// - pam_limits(8), limits.conf(5): /etc/security/limits.conf is read first, then
//   /etc/security/limits.d/*.conf in C-locale order. A line is "DOMAIN TYPE ITEM VALUE"; TYPE is
//   soft, hard or '-' (both); '#' starts a comment. For one domain the last line wins. The '*'
//   domain applies to every user except root; user and group lines take precedence over it.
// - systemd-coredump(8), coredump.conf(5): when systemd-coredump is installed (Debian's
//   systemd-coredump package points kernel.core_pattern at it) it collects dumps of every process,
//   services included, whatever pam_limits says. Settings are in the [Coredump] section of
//   /etc/systemd/coredump.conf, then the drop-ins *.conf of /etc/systemd/coredump.conf.d,
//   /run/systemd/coredump.conf.d, /usr/local/lib/systemd/coredump.conf.d and
//   /usr/lib/systemd/coredump.conf.d (same file name: the earlier directory wins; applied in file
//   name order after the main file; the last assignment wins). Defaults: Storage=external,
//   ProcessSizeMax=2G.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/result.h"

namespace sw::scan {

class ScanContext;

struct LimitEntry {
  std::string domain;  // "*", "alice", "@group", "%group", "1000:" ...
  std::string type;    // "soft", "hard", "-"
  std::string item;    // "core", "nofile", ...
  std::string value;   // "0", "unlimited", ...
  std::string file;
  int line = 0;
};

struct IniSetting {
  std::string key;
  std::string value;
  std::string file;
  int line = 0;
};

// Parses a limits.conf file. Malformed lines go to `errors` and are skipped.
std::vector<LimitEntry> parse_limits_conf(std::string_view text, const std::string& path,
                                          std::vector<Error>& errors);
// Parses a coredump.conf file: the assignments of its [Coredump] section, in order.
std::vector<IniSetting> parse_coredump_conf(std::string_view text, const std::string& path,
                                            std::vector<Error>& errors);

struct CoreDumps {
  std::vector<std::string> limits_files;  // read, in order
  std::vector<LimitEntry> limits;         // in reading order
  bool coredump_installed = false;        // systemd-coredump is installed
  std::vector<std::string> coredump_files;
  std::map<std::string, IniSetting> coredump;  // effective [Coredump] settings by key

  // The last '*' line setting the hard core limit (type hard or '-'), or nullptr.
  const LimitEntry* wildcard_hard_core() const;
  // User or group lines that set a non-zero hard core limit (they override '*').
  std::vector<const LimitEntry*> nonzero_specific_hard_core() const;

  static Result<CoreDumps> load(ScanContext& ctx);
};

}  // namespace sw::scan

// SPDX-License-Identifier: Apache-2.0
// Pure parsers for the few lines of daemon configuration the services and boot checks need. Each
// reads text only (no Host), so tests and the fuzzer (tests/fuzz/service_configs_fuzzer.cpp) call
// them directly. None keeps a secret value: a GRUB password hash or an unknown SNMP community is
// never stored, only that it is there.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace sw::scan {

// vsftpd.conf(5): "option=value" lines, no blanks around '=', '#' comments. Every line sets the
// option, so the last one wins. A boolean is true for YES, TRUE or 1 and false for NO, FALSE or
// 0, case-insensitively; anything else makes vsftpd refuse to start (reported in `errors`).
struct VsftpdBool {
  std::optional<bool> value;  // nullopt: not set, the compiled-in default applies
  int line = 0;
};
VsftpdBool vsftpd_bool(std::string_view text, std::string_view option, const std::string& path,
                       std::vector<Error>& errors);

// proftpd.conf: "<Anonymous DIR>" sections that are not commented out, and Include directives
// (a file, a directory, or a glob like /etc/proftpd/conf.d/*.conf).
struct ProftpdConf {
  std::vector<int> anonymous_lines;
  std::vector<std::string> includes;
};
ProftpdConf parse_proftpd(std::string_view text);

// snmpd.conf(5): community definitions (rocommunity, rwcommunity, their "6" forms, and com2sec /
// com2sec6 "[-Cn CONTEXT] NAME SOURCE COMMUNITY"), include directives, and agentaddress.
struct SnmpCommunity {
  std::string directive;  // "rocommunity"
  std::string community;  // the community string itself (the caller decides what to print)
  std::string source;     // "default", "localhost", "10.0.0.0/8", "" (any)
  int line = 0;
};
struct SnmpdConf {
  std::vector<SnmpCommunity> communities;
  std::vector<std::string> include_files;
  std::vector<std::string> include_dirs;
  std::vector<std::string> agent_addresses;  // values of agentaddress/agentAddress lines
};
SnmpdConf parse_snmpd(std::string_view text, const std::string& path, std::vector<Error>& errors);

// GRUB 2 password protection (grub.cfg, or /etc/grub.d scripts that emit it): "set
// superusers=..." and "password_pbkdf2 USER HASH" / "password USER PLAINTEXT" lines. Only user
// names, line numbers and the kind of password are kept, never the hash or the password.
struct GrubPasswords {
  struct User {
    std::string name;
    bool pbkdf2 = false;  // false: a plain-text "password" line
    int line = 0;
  };
  std::vector<std::string> superusers;  // from the last "set superusers=" line
  int superusers_line = 0;
  std::vector<User> users;
};
GrubPasswords parse_grub_passwords(std::string_view text);

}  // namespace sw::scan

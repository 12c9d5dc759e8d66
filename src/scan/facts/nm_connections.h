// SPDX-License-Identifier: Apache-2.0
// NmConnections: NetworkManager's saved connection profiles, read from its keyfile directory
// /etc/NetworkManager/system-connections (nm-settings-keyfile(5)). A keyfile is INI: [section]
// headers, key=value lines, '#' or ';' comments; keys are case-sensitive. The keyfile plugin reads
// every file in the directory except hidden files, backups ("~", ".bak", ".orig", ".rej",
// ".swp", ".tmp", ".rpm*", ".dpkg-*") and ".nmmeta". Section names accept both the long and the
// short setting names ("802-11-wireless" = "wifi", "802-11-wireless-security" = "wifi-security").
// Secret values are never kept, only whether they are present.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/result.h"

namespace sw::scan {

class ScanContext;

// The parsed INI: section -> key -> (value, line). Later duplicates win, as in GKeyFile.
struct IniFile {
  std::map<std::string, std::map<std::string, std::pair<std::string, int>>> sections;

  const std::pair<std::string, int>* get(std::string_view section, std::string_view key) const;
  bool has_section(std::string_view section) const;
};

IniFile parse_ini(std::string_view text, const std::string& path, std::vector<Error>& errors);

struct NmConnection {
  std::string path;
  std::string id;    // [connection] id
  std::string type;  // normalised: "wifi" for 802-11-wireless
  std::string ssid;
  std::string mode;           // [wifi] mode: "infrastructure" (default), "ap", "adhoc", "mesh"
  bool autoconnect = true;    // [connection] autoconnect, default true
  std::string owner;          // first user in [connection] permissions=user:NAME:;...
  bool has_security = false;  // a [wifi-security] section
  std::string key_mgmt;       // "none", "wpa-psk", "sae", "wpa-eap", "owe", "ieee8021x", ...
  std::string auth_alg;       // "open", "shared", "leap"
  int key_mgmt_line = 0;
  bool wep = false;         // WEP keys or wep-key-type present
  bool has_secret = false;  // a psk, WEP key or 802.1X password is stored in the file
  int line_of_type = 0;

  // File metadata, filled by load().
  uint32_t mode_bits = 0;
  uint32_t uid = 0;

  bool is_wifi() const { return type == "wifi"; }
};

// Interprets one keyfile's text.
NmConnection parse_nm_keyfile(std::string_view text, const std::string& path,
                              std::vector<Error>& errors);

struct NmConnections {
  std::string dir = "/etc/NetworkManager/system-connections";
  bool dir_exists = false;
  std::vector<NmConnection> connections;
  std::vector<Error> unreadable;  // keyfiles that could not be read

  static Result<NmConnections> load(ScanContext& ctx);
};

}  // namespace sw::scan

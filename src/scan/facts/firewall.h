// SPDX-License-Identifier: Apache-2.0
// Firewall: which host firewall is configured to filter incoming traffic, whether it starts at
// boot, and which IP versions it covers. Read the way each tool loads its rules at boot:
//  - nftables: nftables.service runs `nft -f /etc/nftables.conf` (nft(8)); `include "FILE"` and
//    `include "DIR/*.nft"` are followed. A chain filters incoming traffic when its hook is input
//    and its policy is drop (nft's default policy is accept) or its last rule is an unconditional
//    drop/reject. Family ip covers IPv4, ip6 covers IPv6, inet both.
//  - ufw: /etc/ufw/ufw.conf ENABLED=yes makes ufw's boot job load the rules; DEFAULT_INPUT_POLICY
//    in /etc/default/ufw is the policy of incoming traffic; IPV6=yes adds the ip6tables rules
//    (anything but "yes" means IPv4 only, as ufw reads it).
//  - iptables-persistent: netfilter-persistent restores /etc/iptables/rules.v4 and rules.v6
//    (iptables-save format) at boot; `:INPUT DROP` or a last unconditional `-A INPUT -j DROP`
//    filters incoming traffic.
//  - firewalld: firewalld.service; its default zone rejects what it does not allow, v4 and v6.
// A unit is enabled when /etc/systemd/system/*.wants/UNIT exists and the unit is not masked.
// Live, /proc/net/ip_tables_names and the nf_tables module tell whether any rules are loaded.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/finding.h"
#include "core/host.h"
#include "core/result.h"

namespace sw::scan {

class ScanContext;

// One base chain of an nftables ruleset.
struct NftChain {
  std::string family;  // "ip", "ip6", "inet", "arp", "bridge", "netdev"
  std::string table;
  std::string name;
  std::string hook;         // "input", "forward", ... or "" for a regular chain
  std::string policy;       // "accept", "drop" or "" (unset: accept)
  bool final_drop = false;  // the last rule is an unconditional drop or reject
  std::string file;
  int line = 0;

  bool filters_input() const;  // input hook, and policy drop or final drop
};

struct NftRuleset {
  std::vector<NftChain> chains;
  std::vector<std::pair<std::string, int>> includes;  // include paths as written, with line
};

// Parses nft(8) ruleset text (the declarative `table ... { chain ... { ... } }` form).
NftRuleset parse_nftables(std::string_view text, const std::string& path,
                          std::vector<Error>& errors);

// What an iptables-save file (rules.v4 / rules.v6) says about the filter table's INPUT chain.
struct IptablesInput {
  bool has_filter = false;
  std::string policy;       // ":INPUT DROP [0:0]" -> "DROP"
  bool final_drop = false;  // last -A INPUT rule is an unconditional -j DROP / REJECT
  int line = 0;             // line of the policy or of the final drop

  bool filters_input() const { return policy == "DROP" || policy == "REJECT" || final_drop; }
};
IptablesInput parse_iptables_save(std::string_view text, const std::string& path,
                                  std::vector<Error>& errors);

struct FirewallTool {
  std::string name;      // "nftables", "ufw", "iptables-persistent", "firewalld"
  bool filters = false;  // its configuration drops unsolicited incoming traffic
  bool enabled = false;  // it starts at boot
  bool covers_ipv4 = false;
  bool covers_ipv6 = false;
  std::string evidence;  // what was seen, or why it is not active
  std::string ipv6_gap;  // why IPv6 is not covered, when it is not
  Location location;

  bool active() const { return filters && enabled; }
};

struct Firewall {
  std::vector<FirewallTool> tools;          // every firewall tool found in some form
  std::optional<bool> kernel_rules_loaded;  // live only; nullopt when unknown
  std::string kernel_evidence;
  bool ipv6_enabled = true;
  std::string ipv6_evidence;  // why IPv6 is considered disabled

  const FirewallTool* first_active() const;
  static Result<Firewall> load(ScanContext& ctx);
};

// Whether a systemd unit is enabled in this root (a *.wants symlink, not masked).
bool systemd_unit_enabled(const Host& host, std::string_view unit);

}  // namespace sw::scan

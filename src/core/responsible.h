// SPDX-License-Identifier: Apache-2.0
// Responsible party: the role that must act on a finding, plus a resolved name where known.
//   user       the person at this machine or account ("Your part")
//   admin      who administers the machine
//   developer  who owns the code
//   team:NAME  a named team
//   org        the security function
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sw {

enum class Role { kUser, kAdmin, kDeveloper, kTeam, kOrg };

std::string_view role_name(Role r);  // "user", "admin", "developer", "team", "org"

struct Responsible {
  Role role = Role::kAdmin;
  std::string team;  // only for Role::kTeam
  std::string name;  // resolved person or group ("alice", "Ops <ops@example.com>"); may be empty

  // "user", "admin", "team:web", ...: the form used in config files and JSON.
  std::string key() const;
  // The heading of this party's part of a report: "Your part", "Administrator's part",
  // "Team web's part", ...
  std::string part_title() const;

  friend bool operator==(const Responsible&, const Responsible&) = default;
};

// Parses "user", "admin", "developer", "org" or "team:NAME".
std::optional<Responsible> parse_responsible(std::string_view text);

}  // namespace sw

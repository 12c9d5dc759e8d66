// SPDX-License-Identifier: Apache-2.0
#include "core/responsible.h"

#include <fmt/format.h>

namespace sw {

std::string_view role_name(Role r) {
  switch (r) {
    case Role::kUser:
      return "user";
    case Role::kAdmin:
      return "admin";
    case Role::kDeveloper:
      return "developer";
    case Role::kTeam:
      return "team";
    case Role::kOrg:
      return "org";
  }
  return "admin";
}

std::string Responsible::key() const {
  if (role == Role::kTeam) return fmt::format("team:{}", team);
  return std::string(role_name(role));
}

std::string Responsible::part_title() const {
  std::string base;
  switch (role) {
    case Role::kUser:
      base = "Your part";
      break;
    case Role::kAdmin:
      base = "Administrator's part";
      break;
    case Role::kDeveloper:
      base = "Developer's part";
      break;
    case Role::kTeam:
      base = fmt::format("Team {}'s part", team);
      break;
    case Role::kOrg:
      base = "Security team's part";
      break;
  }
  if (!name.empty()) base += fmt::format(" ({})", name);
  return base;
}

std::optional<Responsible> parse_responsible(std::string_view text) {
  Responsible r;
  if (text == "user") {
    r.role = Role::kUser;
  } else if (text == "admin") {
    r.role = Role::kAdmin;
  } else if (text == "developer") {
    r.role = Role::kDeveloper;
  } else if (text == "org") {
    r.role = Role::kOrg;
  } else if (text.starts_with("team:") && text.size() > 5) {
    r.role = Role::kTeam;
    r.team = std::string(text.substr(5));
  } else {
    return std::nullopt;
  }
  return r;
}

}  // namespace sw

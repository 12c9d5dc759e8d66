// SPDX-License-Identifier: Apache-2.0
// Sudoers: the sudo policy as sudoers(5) describes it, enough to tell who may run what without a
// password.
//   - /etc/sudoers is read first; "@include PATH" / "#include PATH" read PATH in place (a relative
//     PATH is relative to the directory of the including file), "@includedir DIR" /
//     "#includedir DIR" read every file of DIR whose name does not end in '~' and contains no
//     '.', in lexical order. Nesting stops at depth 128, as sudo does.
//   - '#' starts a comment, except "#include"/"#includedir" and "#<digits>" (a user ID); a line
//     ending in '\' continues on the next one.
//   - User_Alias, Runas_Alias, Host_Alias and Cmnd_Alias (also Cmd_Alias) define NAME = list,
//     several separated by ':'.
//   - "Defaults[:users|@hosts|>runas|!cmnds] setting, ..." lines.
//   - user specifications "User_List Host_List = [(Runas)] [Options] [Tags:] Cmnd, ... [: Host_List
//     = ...]": a Runas_Spec and the tags (NOPASSWD, PASSWD, NOEXEC, SETENV, ...) carry over to the
//     following commands of the same Cmnd_Spec_List until overridden.
//   - '\' escapes a special character (",", ":", "=", "!", "(", ")", "\", blank) in a word;
//     double quotes group a word ("%domain users").
// Lines that cannot be parsed are reported and skipped.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/result.h"

namespace sw::scan {

class ScanContext;

struct SudoItem {
  std::string text;  // "alice", "%wheel", "#1000", "ADMINS", "ALL", "/usr/bin/apt update"
  bool negated = false;
};

struct SudoCommand {
  SudoItem cmnd;                         // "ALL", a Cmnd_Alias name or a path with arguments
  std::vector<std::string> runas_users;  // from "(users:groups)"; empty when not given
  std::vector<std::string> runas_groups;
  bool runas_given = false;
  std::optional<bool> nopasswd;   // NOPASSWD: true, PASSWD: false, neither: nullopt
  std::vector<std::string> tags;  // every tag in effect, as written ("NOPASSWD", ...)
};

struct SudoPrivilege {
  std::vector<SudoItem> hosts;
  std::vector<SudoCommand> commands;
};

struct SudoUserSpec {
  std::vector<SudoItem> users;
  std::vector<SudoPrivilege> privileges;
  std::string text;  // the logical line, for evidence
  std::string file;
  int line = 0;
};

struct SudoAlias {
  std::string kind;  // "User_Alias", "Runas_Alias", "Host_Alias", "Cmnd_Alias"
  std::string name;
  std::vector<SudoItem> members;
  std::string file;
  int line = 0;
};

struct SudoDefault {
  char binding = 0;                   // 0 (global), ':' users, '@' hosts, '>' runas, '!' commands
  std::vector<SudoItem> bound_to;     // the list after the binding character
  std::vector<std::string> settings;  // "!authenticate", "timestamp_timeout=5", ...
  std::string file;
  int line = 0;
};

struct SudoInclude {
  bool is_dir = false;
  std::string path;  // as resolved (relative paths made absolute against the including file)
  std::string file;
  int line = 0;
};

struct Sudoers {
  bool present = false;            // /etc/sudoers exists
  std::optional<Error> error;      // /etc/sudoers exists but could not be read
  std::vector<std::string> files;  // files read, in order
  std::vector<SudoAlias> aliases;
  std::vector<SudoDefault> defaults;
  std::vector<SudoUserSpec> specs;  // in the order sudo reads them
  std::vector<Error> parse_errors;  // malformed lines and unreadable included files

  const SudoAlias* find_alias(std::string_view kind, std::string_view name) const;
  // Whether the Cmnd item (an ALL, or an alias that includes ALL, not negated) means every
  // command.
  bool is_all_commands(const SudoItem& cmnd) const;
  // The leaf members of an item list with aliases of `kind` expanded ("ADMINS" -> "alice",
  // "%wheel"). Negated items keep a leading '!'.
  std::vector<std::string> expand(std::string_view kind, const std::vector<SudoItem>& items) const;
  // Whether password authentication is required by default for these users: the last global
  // or user-bound (to one of `users`, textually, aliases expanded) Defaults setting of
  // "authenticate" / "!authenticate" wins; sudo's default is to authenticate.
  bool authenticate_by_default(const std::vector<SudoItem>& users) const;

  static Result<Sudoers> load(ScanContext& ctx);
};

// Pure parser of one sudoers file: appends to `into`; calls `on_include` for each include
// directive at its place (the loader reads the included files there).
void parse_sudoers(std::string_view text, const std::string& path, Sudoers& into,
                   const std::function<void(const SudoInclude&)>& on_include = {});

}  // namespace sw::scan

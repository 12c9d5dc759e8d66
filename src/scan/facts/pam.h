// SPDX-License-Identifier: Apache-2.0
// Pam: the PAM configuration as Linux-PAM reads it (pam.conf(5), libpam/pam_handlers.c).
//
// Files: /etc/pam.d/<service>; a service without a file there is looked up in /usr/lib/pam.d
// (the vendor directory of newer Linux-PAM builds). Each logical line is
//     [-]type  control  module-path  [args...]
//   - type is auth, account, password or session (case-insensitive); a leading '-' makes the
//     module optional: a missing module is skipped silently;
//   - control is a keyword (required, requisite, sufficient, optional, include, substack) or a
//     bracketed "[value=action ...]" list (which may contain blanks);
//   - an argument that must contain blanks is written in brackets "[a b]" ("\]" is a literal ']');
//     the brackets are not part of the argument;
//   - '#' starts a comment up to the end of the physical line; a line ending in '\' continues on
//     the next one (the backslash becomes a blank), and comment or blank lines between continued
//     lines are skipped, as _pam_assemble_line does;
//   - "@include FILE" (Debian and upstream since 1.x) pulls in every line of FILE; "TYPE include
//     FILE" and "TYPE substack FILE" pull in the lines of FILE of that TYPE only. A relative FILE
//     is looked up in /etc/pam.d (then /usr/lib/pam.d).
// stack() flattens the includes so a check sees the modules the service really runs, each with
// the file and line it came from. Include loops are cut at a depth of 16.
#pragma once

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/result.h"

namespace sw::scan {

class ScanContext;

struct PamEntry {
  enum class Kind { kModule, kAtInclude, kInclude, kSubstack };
  Kind kind = Kind::kModule;
  std::string type;              // "auth", "account", "password", "session"; "" for @include
  bool optional_module = false;  // written "-type"
  std::string control;           // "required", "[success=1 default=ignore]", "include", ...
  std::string module_path;       // as written ("pam_unix.so", "/lib/security/pam_x.so"), or the
                                 // included file for includes
  std::string module;            // basename without ".so": "pam_unix"
  std::vector<std::string> args;
  std::string file;
  int line = 0;

  // "nullok" present as an argument.
  bool has_arg(std::string_view name) const;
  // The value of the last "key=value" argument with that key ("deny=5" -> "5").
  std::optional<std::string> arg_value(std::string_view key) const;
  // "file:line"
  std::string where() const;
};

struct PamFile {
  std::string path;
  std::vector<PamEntry> entries;
  std::vector<Error> parse_errors;
};

// Pure parser of one PAM service file.
PamFile parse_pam_file(std::string_view text, const std::string& path);

struct Pam {
  bool present = false;                  // /etc/pam.d exists
  std::map<std::string, PamFile> files;  // by absolute path inside the root
  std::vector<Error> read_errors;        // files that exist but could not be read

  // The path of a service or included file name ("common-auth" -> "/etc/pam.d/common-auth"), or ""
  // when no such file was loaded.
  std::string resolve(std::string_view name) const;
  // The flattened stack of a service (all types, in order), includes expanded. Empty when the
  // service has no file.
  std::vector<PamEntry> stack(std::string_view service) const;
  // Only the entries of one type.
  std::vector<PamEntry> stack(std::string_view service, std::string_view type) const;
  bool has_service(std::string_view service) const { return !resolve(service).empty(); }

  // The stack of one type of the first service that exists among `services` ("passwd",
  // "common-password", ...); `used` receives its name ("" when none exists).
  std::vector<PamEntry> first_stack(std::initializer_list<std::string_view> services,
                                    std::string_view type, std::string* used = nullptr) const;
  // The shared password stack that passwd(1) and the other services include to set a new
  // password: "common-password" (Debian), else "system-auth" (Red Hat), else "passwd" itself.
  std::vector<PamEntry> password_stack(std::string* used = nullptr) const {
    return first_stack({"common-password", "system-auth", "passwd"}, "password", used);
  }
  // The shared auth stack: "common-auth" (Debian) or "system-auth" (Red Hat).
  std::vector<PamEntry> auth_stack(std::string* used = nullptr) const {
    return first_stack({"common-auth", "system-auth"}, "auth", used);
  }
  // The shared session stack: "common-session" or "system-auth".
  std::vector<PamEntry> session_stack(std::string* used = nullptr) const {
    return first_stack({"common-session", "system-auth"}, "session", used);
  }

  static Result<Pam> load(ScanContext& ctx);
};

}  // namespace sw::scan

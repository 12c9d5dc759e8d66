// SPDX-License-Identifier: Apache-2.0
// os-release(5): which distribution and release a root holds, and the OSV ecosystem name
// (ossf/osv-schema ecosystems.json) its OS packages are published under.
//
// The file is /etc/os-release, or /usr/lib/os-release when the former is missing (os-release(5):
// "Applications should check for the former, and exclusively use its data if it exists, and only
// fall back to the latter"). Syntax per os-release(5): newline-separated shell-compatible
// KEY=value assignments; values may be unquoted or in double or single quotes, shell special
// characters ($, quotes, backslash, backtick) escaped with a backslash; lines starting with '#' are
// comments; blank lines are ignored. Like systemd's own reader (parse_env_file), adjacent quoted
// and unquoted parts of one value are concatenated as a shell word would be. A malformed line is
// an error naming file and line and is skipped; the other lines are kept.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/result.h"

namespace sw {
class Host;
}

namespace sw::vuln {

struct OsRelease {
  std::string id;                // ID ("debian", "alpine", "almalinux"...), lower case
  std::string id_like;           // ID_LIKE, space-separated as written
  std::string name;              // NAME
  std::string version;           // VERSION ("22.04.4 LTS (Jammy Jellyfish)")
  std::string version_id;        // VERSION_ID ("12", "3.19.1", "9.4")
  std::string version_codename;  // VERSION_CODENAME ("bookworm")
  std::string pretty_name;       // PRETTY_NAME
  std::string cpe_name;          // CPE_NAME ("cpe:/o:redhat:enterprise_linux:9::baseos")
  std::string path;              // file it was read from, inside the root
};

struct OsReleaseParse {
  OsRelease release;
  std::vector<Error> errors;  // malformed lines (skipped), with file and line
};

// Parses the text of an os-release file. Unset keys stay empty; os-release(5) defaults (ID=linux,
// NAME=Linux) are NOT filled in, so a missing ID is visible to the caller. `path` is used in error
// messages and copied into release.path.
OsReleaseParse parse_os_release(std::string_view text, const std::string& path);

// Reads /etc/os-release, else /usr/lib/os-release, inside the host's root. kNotFound when neither
// exists; per-line problems go to `errors` when given.
Result<OsRelease> read_os_release(const Host& host, std::vector<Error>* errors = nullptr);

// The OSV ecosystem for the release's OS packages, e.g. "Debian:12", "Ubuntu:22.04:LTS",
// "Alpine:v3.19", "AlmaLinux:9", "Rocky Linux:9", "Red Hat:enterprise_linux:9::baseos",
// "openSUSE:Leap 15.5", "SUSE:Linux Enterprise Server 15 SP5", "Wolfi", "Chainguard",
// "Mageia:9", "openEuler:22.03-LTS-SP3", "Photon OS:5.0". Empty when there is none (an unknown
// or unsupported distribution, or a release field missing); `note` then says why. `note` may also
// be set with a non-empty result, for a caveat (e.g. Debian testing/unstable, Red Hat streams).
std::string osv_ecosystem_for(const OsRelease& os, std::string* note = nullptr);

}  // namespace sw::vuln

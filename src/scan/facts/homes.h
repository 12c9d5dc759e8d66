// SPDX-License-Identifier: Apache-2.0
// Homes: the home directories the "home" family reads, and safe reading of files inside them.
//
// Selection (ScanOptions): with all_homes, every human account (Accounts::is_human) plus root;
// otherwise only the accounts whose uid is home_uid. Homes that do not exist, are not
// directories, or have no absolute path are skipped and listed in `skipped`; two accounts sharing
// one home directory are read once. A home that is a symlink is followed through the Host, which
// resolves links inside the scanned root only (an absolute target is taken relative to the root,
// ".." stops at it), so a home never leads out of the root; the link is listed in `notes`.
//
// Reading a file of a home (read_home_file): only regular files are read, at most `max_bytes`.
// A file that is a symlink is read only when its target belongs to the home's owner, so a link
// planted in a home ("~/.netrc -> /root/.netrc") never makes us read or report someone else's file.
//
// Group write: OpenSSH as patched by Debian ("user-group-modes") accepts a group-writable file
// when the group is the owner's personal group (the owner's primary group, with no other member
// and no other account using it as primary group). writable_by_others() follows the same rule.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/host.h"
#include "core/result.h"

namespace sw::scan {

class ScanContext;
class Outcome;

struct Home {
  std::string account = {};  // account name from /etc/passwd
  uint32_t uid = 0;
  uint32_t gid = 0;       // primary group
  std::string path = {};  // home directory inside the root, as in /etc/passwd (no trailing '/')
  bool symlink = false;
  std::string link_target = {};         // when symlink
  FileStat st = {};                     // the directory (link followed)
  std::optional<uint32_t> private_gid;  // the owner's personal group, when there is one

  // "path/rel" for a relative path such as ".ssh/config".
  std::string file(std::string_view rel) const;
};

struct Homes {
  std::vector<Home> homes = {};
  std::vector<std::string> skipped;  // "bob: home /home/bob does not exist"
  std::vector<std::string> notes;    // "alice: home /home/alice is a symlink to /data/alice"
  std::map<uint32_t, std::string> user_names;
  std::map<uint32_t, std::string> group_names;

  // "account alice (uid 1000)" for a uid, or "uid 1234" when unknown.
  std::string user_label(uint32_t uid) const;
  std::string group_label(uint32_t gid) const;
  // One line saying which homes were read, for pass and not-applicable details.
  std::string summary() const;

  static Result<Homes> load(ScanContext& ctx);
};

// Whether someone other than the home's owner (and root) can write a file or directory with this
// stat: world-writable, group-writable through a group other than the owner's personal group, or
// owned by another account. Empty when not; otherwise why, e.g. "mode 0666: writable by others".
std::string foreign_writers(const Homes& homes, const Home& home, const FileStat& st);

// The same for reading: world-readable, or group-readable through a group other than the owner's
// personal group. Empty when only the owner (and root) can read it.
std::string foreign_readers(const Homes& homes, const Home& home, const FileStat& st);

// "0644"
std::string mode_string(uint32_t mode);

// For the home family's checks: the Homes fact, or nullptr after giving the verdict (error when it
// could not be loaded, not applicable when no home directory is selected or exists).
const Homes* homes_for_check(ScanContext& ctx, Outcome& out);

struct HomeFile {
  std::string path = {};  // inside the root
  bool exists = false;
  bool symlink = false;
  FileStat st = {};                 // the file (link followed) when exists
  std::optional<std::string> text;  // the content, when read
  std::optional<Error> error;       // exists but was not read: why
};

// Looks up and reads `rel` in `home`. A missing file gives exists=false and no error.
HomeFile read_home_file(const Host& host, const Home& home, std::string_view rel,
                        size_t max_bytes = 1u << 20);
// The same for an absolute path inside the root that lies in `home`.
HomeFile read_home_path(const Host& host, const Home& home, const std::string& path,
                        size_t max_bytes = 1u << 20);
// Only stats `rel` (no read): exists, symlink and st are filled; error when stat fails otherwise.
HomeFile stat_home_file(const Host& host, const Home& home, std::string_view rel);

}  // namespace sw::scan

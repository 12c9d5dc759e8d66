// SPDX-License-Identifier: Apache-2.0
// Mounts: what is mounted where and with which options, as the system sees it.
//  - /etc/fstab (fstab(5), parsed as libmount does): fields separated by blanks; '#' comments;
//    source, target and type required, options optional ("defaults"), dump and pass optional;
//    octal escapes (\040 space, \011 tab, \012 newline, \134 backslash) in every field;
//    UUID=/LABEL=/PARTUUID=/PARTLABEL= sources kept as written (quotes removed). Options are
//    applied left to right (mount(8)): "defaults" is rw,suid,dev,exec,auto,nouser,async, a later
//    "dev" undoes an earlier "nodev", and "user"/"users" imply noexec,nosuid,nodev while
//    "owner"/"group" imply nosuid,nodev, unless a later option overrides them. "noauto" entries
//    are not mounted at boot.
//  - /proc/self/mounts (live only): the same six-field format with octal escapes, one line per
//    mount in mount order, so the last line for a target is the mount on top.
//  - systemd's tmp.mount (systemd.mount(5)): when enabled and not masked it mounts /tmp with its
//    What=/Type=/Options= (drop-ins applied). A unit in /etc/systemd/system overrides an fstab
//    line for /tmp (fstab-generator output in /run has lower priority than /etc), which in turn
//    overrides the vendor unit in /usr/lib.
//  - /etc/crypttab (crypttab(5)): name, device, key file ("none"/"-" = ask; /dev/urandom,
//    /dev/random, /dev/hw_random = random key, new every boot), options; two fields required.
//  - /proc/swaps (live only): active swap areas.
// Which one decides: the live mount table when live and readable, else /etc/fstab and tmp.mount
// (image mode). Malformed lines are reported to ctx.input_error() and skipped.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/host.h"
#include "core/result.h"
#include "scan/check.h"

namespace sw::scan {

class ScanContext;
class Outcome;

struct MountEntry {
  std::string source;  // "/dev/sda1", "UUID=...", "tmpfs"
  std::string target;  // "/tmp"
  std::string fstype;  // "ext4", "tmpfs", "swap", "none"
  std::vector<std::string> options;
  std::string origin;  // file it came from: "/etc/fstab", "/proc/self/mounts", a unit file
  int line = 0;

  bool has_option(std::string_view opt) const;
};

// The effect of an option list, applied left to right as mount(8) does.
struct MountFlags {
  bool nodev = false;
  bool nosuid = false;
  bool noexec = false;
  bool bind = false;
  bool noauto = false;
};
MountFlags mount_flags(const std::vector<std::string>& options);
// The hardening options among nodev, nosuid, noexec that `flags` lacks, as "nodev,noexec".
std::string missing_options(const MountFlags& flags, bool want_nodev, bool want_nosuid,
                            bool want_noexec);

struct CrypttabEntry {
  std::string name;    // the /dev/mapper name
  std::string device;  // "UUID=...", "/dev/sda3"
  std::string key;     // "none", "-", a key file, "/dev/urandom"
  std::vector<std::string> options;
  int line = 0;

  bool random_key() const;  // a fresh key every boot: plain dm-crypt swap or tmp
};

struct SwapArea {
  std::string source;  // "/dev/zram0", "/swapfile", "/dev/mapper/cryptswap"
  std::string type;    // "partition", "file" (from /proc/swaps), or "fstab"
  std::string origin;
  int line = 0;
};

// Decodes the octal escapes fstab(5) and the kernel use ("\040" -> ' ').
std::string unescape_octal(std::string_view s);
// fstab(5) text, and /proc/self/mounts (the same format). Errors get file and line.
std::vector<MountEntry> parse_fstab(std::string_view text, const std::string& path,
                                    std::vector<Error>& errors);
std::vector<CrypttabEntry> parse_crypttab(std::string_view text, const std::string& path,
                                          std::vector<Error>& errors);
std::vector<SwapArea> parse_proc_swaps(std::string_view text, const std::string& path,
                                       std::vector<Error>& errors);

struct Mounts {
  bool live = false;
  bool fstab_present = false;
  std::vector<MountEntry> fstab;
  std::optional<Error> fstab_error;  // unreadable for a reason other than "missing"
  bool proc_read = false;            // live and /proc/self/mounts was read
  std::vector<MountEntry> proc;
  std::optional<MountEntry> tmp_unit;  // tmp.mount when enabled and not masked
  std::vector<CrypttabEntry> crypttab;
  std::optional<Error> crypttab_error;
  bool swaps_read = false;  // live and /proc/swaps was read
  std::vector<SwapArea> swaps;

  // Whether the live table decides (live and /proc/self/mounts readable).
  bool using_live() const { return live && proc_read; }
  // Where the answer comes from, for evidence: "/proc/self/mounts" or "/etc/fstab".
  std::string source_name() const;
  // The mount that governs `target`, or nullptr when `target` is not a separate mount.
  const MountEntry* effective(std::string_view target) const;
  // The last fstab entry for `target` that is mounted at boot (not noauto, not swap).
  const MountEntry* in_fstab(std::string_view target) const;
  // When live: a note when /etc/fstab asks for other hardening options than the live mount has
  // (e.g. fstab was edited but not remounted), else "".
  std::string fstab_difference(std::string_view target) const;
  const CrypttabEntry* crypt(std::string_view name) const;
  // Swap areas: /proc/swaps when live and readable, else fstab "swap" entries.
  std::vector<SwapArea> swap_areas() const;

  static Result<Mounts> load(ScanContext& ctx);
};

enum class Encryption { kEncrypted, kLikely, kNotEncrypted, kUnknown };
struct EncryptionInfo {
  Encryption state = Encryption::kUnknown;
  std::string how;  // the reasoning, for evidence
};

// Whether the block device behind `source` (an fstab or /proc source) is dm-crypt/LUKS. Live:
// follows /dev/disk/by-*, /dev/mapper names and /sys/block/dm-*/slaves down to a device whose
// /sys/block/dm-N/dm/uuid starts with "CRYPT-". Otherwise (or when /sys does not tell): a
// /dev/mapper/NAME listed in /etc/crypttab is encrypted; an LVM volume beside a crypttab entry is
// likely encrypted (LVM on LUKS, the Debian installer's layout) but cannot be proved from files.
EncryptionInfo block_encryption(const Host& host, const Mounts& mounts, std::string_view source);

// For the mount checks: the mount view, or nullptr after recording on `out` why none can be
// used: not applicable inside a container (the runtime sets up its mounts) or when neither a live
// mount table nor /etc/fstab exists; an error when /etc/fstab is unreadable in image mode.
const Mounts* mounts_or_verdict(ScanContext& ctx, Outcome& out);

// "tmpfs on /tmp (tmpfs, rw,nosuid,nodev) at /proc/self/mounts:23", for evidence.
std::string describe_mount(const MountEntry& e);
// Where the fix goes: the fstab line (or tmp.mount file) for `target`, else /etc/fstab.
Location fix_location(const Mounts& m, std::string_view target);
// A failure when `e`, the mount governing `target`, lacks one of the wanted options (a note when
// fstab asks for other options than the live mount has is appended); nullopt when it has them.
std::optional<Issue> missing_options_issue(const Mounts& m, const MountEntry& e,
                                           std::string_view target, bool want_nodev,
                                           bool want_nosuid, bool want_noexec);

}  // namespace sw::scan

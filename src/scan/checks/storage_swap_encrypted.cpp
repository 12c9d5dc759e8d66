// SPDX-License-Identifier: Apache-2.0
// host.storage.swap_encrypted: every swap area is encrypted: on a dm-crypt device (crypttab, or
// live /sys device-mapper tables), with a random key each boot (crypttab key /dev/urandom), in
// compressed RAM (zram, never written to disk), or a swap file on an encrypted filesystem. Swap
// areas come from /proc/swaps when live, else from "swap" lines of /etc/fstab. No swap passes.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/environment.h"
#include "scan/facts/mounts.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.storage.swap_encrypted",
    .title = "Swap is encrypted",
    .family = "storage",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "The kernel writes memory pages to swap: decrypted documents, passwords and keys end up "
        "on disk and stay there after shutdown, where anyone holding the disk can read them.",
    .fix =
        "Encrypt swap with a fresh key every boot: in /etc/crypttab `cryptswap UUID=<swap-uuid> "
        "/dev/urandom swap,cipher=aes-xts-plain64,size=512`, and in /etc/fstab "
        "`/dev/mapper/cryptswap none swap sw 0 0`; or replace disk swap with zram "
        "(apt install systemd-zram-generator).",
    .refs = "CWE-311"};

// The mount holding `file` (longest target prefix).
const sw::scan::MountEntry* holder(const sw::scan::Mounts& m, const std::string& file) {
  const auto& table = m.using_live() ? m.proc : m.fstab;
  const sw::scan::MountEntry* best = nullptr;
  for (const auto& e : table) {
    if (e.fstype == "swap") continue;
    bool inside = e.target == "/" || file.starts_with(e.target + "/");
    if (inside && (!best || e.target.size() >= best->target.size())) best = &e;
  }
  return best;
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* m = sw::scan::mounts_or_verdict(ctx, out);
  if (!m) return;
  auto swaps = m->swap_areas();
  if (swaps.empty()) {
    out.pass(fmt::format("no swap area is configured ({})",
                         m->live && m->swaps_read ? "/proc/swaps" : "/etc/fstab"));
    return;
  }
  const auto& env = ctx.fact<sw::scan::Environment>();
  bool vm = env && !env->virt.empty();
  std::vector<std::string> good;
  for (const auto& s : swaps) {
    std::string where = fmt::format("{}:{}", s.origin, s.line);
    if (s.source.starts_with("/dev/zram")) {
      good.push_back(s.source + " (zram, in memory)");
      continue;
    }
    sw::scan::EncryptionInfo info;
    bool is_file = s.type == "file" ||
                   (!s.source.starts_with("/dev/") && s.source.find('=') == std::string::npos);
    if (is_file) {
      const auto* h = holder(*m, s.source);
      if (!h) {
        out.error(
            fmt::format("{}: cannot find the filesystem holding swap file {}", where, s.source));
        continue;
      }
      info = sw::scan::block_encryption(ctx.host(), *m, h->source);
      info.how = fmt::format("swap file on {}: {}", h->target, info.how);
    } else {
      info = sw::scan::block_encryption(ctx.host(), *m, s.source);
      if (s.source.starts_with("/dev/mapper/")) {
        if (const auto* c = m->crypt(s.source.substr(12)); c && c->random_key()) {
          info.how += fmt::format(" with a random key ({})", c->key);
        }
      }
    }
    if (info.state == sw::scan::Encryption::kEncrypted ||
        info.state == sw::scan::Encryption::kLikely) {
      good.push_back(fmt::format("{} ({})", s.source, info.how));
    } else if (info.state == sw::scan::Encryption::kUnknown) {
      out.error(fmt::format("{}: {}", where, info.how));
    } else {
      sw::scan::Issue issue{
          .subject = "swap " + s.source,
          .evidence = fmt::format("swap {} is not encrypted: {} ({})", s.source, info.how, where),
          .location = {s.origin == "/proc/swaps" ? "/etc/fstab" : s.origin,
                       s.origin == "/proc/swaps" ? 0 : s.line}};
      if (vm) issue.severity = sw::Severity::kLow;
      out.fail(std::move(issue));
    }
  }
  if (!good.empty()) out.pass(fmt::format("encrypted swap: {}", fmt::join(good, "; ")));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);

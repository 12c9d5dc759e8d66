// SPDX-License-Identifier: Apache-2.0
// host.storage.root_encrypted: the root filesystem sits on dm-crypt/LUKS. Live, the kernel's
// device-mapper tables in /sys decide (facts/mounts.h block_encryption); in image mode,
// /etc/fstab and /etc/crypttab do. Virtual machines and cloud instances get a lower severity
// (the disk is rarely stolen; the provider's storage encryption is the usual control), containers
// are not applicable (the host's disk holds their files).
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/environment.h"
#include "scan/facts/mounts.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.storage.root_encrypted",
    .title = "Root filesystem is encrypted",
    .family = "storage",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "Without disk encryption, anyone who takes the disk or the laptop reads every file on it "
        "(passwords, keys, personal data) by plugging it into another computer; file permissions "
        "do not apply there.",
    .fix =
        "Disk encryption is chosen at installation: reinstall with 'Guided - use entire disk and "
        "set up encrypted LVM' (or cryptsetup luksFormat a new disk and move the data), keeping "
        "the passphrase in a password manager. On cloud VMs, enable the provider's volume "
        "encryption instead.",
    .lynis = "DEB-0510",
    .refs = "CWE-311"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* m = sw::scan::mounts_or_verdict(ctx, out);
  if (!m) return;
  std::vector<std::string> sources;
  if (const auto* e = m->effective("/")) sources.push_back(e->source);
  if (const auto* f = m->in_fstab("/")) sources.push_back(f->source);
  if (sources.empty()) {
    out.error(fmt::format("{} has no entry for the root filesystem /", m->source_name()));
    return;
  }
  sw::scan::EncryptionInfo info;
  for (const auto& s : sources) {
    info = sw::scan::block_encryption(ctx.host(), *m, s);
    if (info.state != sw::scan::Encryption::kUnknown) break;
  }
  switch (info.state) {
    case sw::scan::Encryption::kEncrypted:
      out.pass(fmt::format("root filesystem is encrypted: {}", info.how));
      return;
    case sw::scan::Encryption::kLikely:
      out.pass(fmt::format("root filesystem is most likely encrypted: {}", info.how));
      return;
    case sw::scan::Encryption::kUnknown:
      out.error(info.how);
      return;
    case sw::scan::Encryption::kNotEncrypted:
      break;
  }
  const auto& env = ctx.fact<sw::scan::Environment>();
  bool vm = env && !env->virt.empty();
  sw::scan::Issue issue{.subject = "root filesystem /",
                        .evidence = fmt::format("/ is not encrypted: {}", info.how),
                        .location = sw::scan::fix_location(*m, "/")};
  if (vm) {
    issue.severity = sw::Severity::kLow;
    issue.evidence += fmt::format(" (virtual machine: {})", env->virt);
  }
  out.fail(std::move(issue));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);

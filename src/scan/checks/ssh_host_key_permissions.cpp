// SPDX-License-Identifier: Apache-2.0
// host.ssh.host_key_permissions: sshd's private host keys are owned by root and readable by
// nobody else (mode 0600 or stricter: 0400 and 0000 pass), and the public halves (.pub) are
// root-owned and not writable by group or others. The keys judged are the effective HostKey lines
// (or, with none, the OpenSSH 9.2 defaults /etc/ssh/ssh_host_{rsa,ecdsa,ed25519}_key) plus every
// /etc/ssh/ssh_host_*_key file present: an unused old key is still this server's identity.
// Paths are followed through symlinks, as sshd opens them.
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "core/host.h"
#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sshd_config.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.ssh.host_key_permissions",
    .title = "SSH host keys are private to root",
    .family = "ssh",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kAdmin,
    .why =
        "Whoever can read a private host key can impersonate this server to every client that "
        "trusts it and intercept their sessions; a writable public key can be swapped.",
    .fix =
        "Run `chown root:root /etc/ssh/ssh_host_*_key /etc/ssh/ssh_host_*_key.pub; chmod 600 "
        "/etc/ssh/ssh_host_*_key; chmod 644 /etc/ssh/ssh_host_*_key.pub`. If a private key was "
        "readable by others, regenerate it (`ssh-keygen -A` after removing it) and tell users "
        "the new fingerprint.",
    .cis = "5.1.2 5.1.3",
    .lynis = "SSH-7408",
    .refs = "CWE-732 CWE-522"};

constexpr std::array<std::string_view, 3> kDefaultKeys = {
    "/etc/ssh/ssh_host_rsa_key", "/etc/ssh/ssh_host_ecdsa_key", "/etc/ssh/ssh_host_ed25519_key"};

struct Key {
  std::string path;
  std::string origin;  // "HostKey ... (file:line)" or "default" / "present in /etc/ssh"
  sw::Location location;
};

void judge_private(const sw::Host& host, const Key& key, sw::scan::Outcome& out, int& judged) {
  auto st = host.stat(key.path);
  if (!st) {
    if (st.error().code() != sw::Errc::kNotFound) out.error(st.error().to_string());
    return;
  }
  ++judged;
  std::vector<std::string> problems;
  sw::Severity severity = sw::Severity::kMedium;
  if (st->uid != 0) {
    problems.push_back(fmt::format("owned by uid {}, not root", st->uid));
    severity = sw::Severity::kHigh;
  }
  if ((st->mode & 0044) != 0) {
    problems.push_back("readable by group or others");
    severity = sw::Severity::kHigh;
  }
  if ((st->mode & 0022) != 0) problems.push_back("writable by group or others");
  if ((st->mode & 07111) != 0) problems.push_back("has execute or special bits");
  if (problems.empty()) return;
  std::string joined;
  for (const auto& p : problems) joined += (joined.empty() ? "" : ", ") + p;
  out.fail(
      sw::scan::Issue{.subject = key.path,
                      .evidence = fmt::format("private host key mode {:04o} uid {} gid {}: {} ({})",
                                              st->mode, st->uid, st->gid, joined, key.origin),
                      .location = key.location,
                      .severity = severity});
}

void judge_public(const sw::Host& host, const Key& key, sw::scan::Outcome& out) {
  std::string pub = key.path + ".pub";
  auto st = host.stat(pub);
  if (!st) {
    if (st.error().code() != sw::Errc::kNotFound) out.error(st.error().to_string());
    return;
  }
  std::vector<std::string> problems;
  if (st->uid != 0) problems.push_back(fmt::format("owned by uid {}, not root", st->uid));
  if ((st->mode & 0022) != 0) problems.push_back("writable by group or others");
  if (problems.empty()) return;
  std::string joined;
  for (const auto& p : problems) joined += (joined.empty() ? "" : ", ") + p;
  out.fail(sw::scan::Issue{.subject = pub,
                           .evidence = fmt::format("public host key mode {:04o} uid {} gid {}: {}",
                                                   st->mode, st->uid, st->gid, joined),
                           .location = {pub, 0},
                           .severity = sw::Severity::kMedium});
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const sw::scan::SshdConfig* cfg = sw::scan::sshd_config_for_check(ctx, out);
  if (cfg == nullptr) return;
  const sw::Host& host = ctx.host();
  std::vector<Key> keys;
  auto add = [&keys](std::string path, std::string origin, sw::Location loc) {
    if (path.empty() || sw::scan::sshd_lower(path) == "none") return;
    if (!path.starts_with('/')) path = "/" + path;  // sshd runs from / and derelativises
    for (const auto& k : keys) {
      if (k.path == path) return;
    }
    keys.push_back(Key{std::move(path), std::move(origin), std::move(loc)});
  };
  const auto& configured = cfg->all("hostkey");
  for (const auto& s : configured) add(s.args.front(), s.evidence(), {s.file, s.line});
  if (configured.empty()) {
    for (auto p : kDefaultKeys) add(std::string(p), "OpenSSH default HostKey", {std::string(p), 0});
  }
  for (const auto& p : host.list_files("/etc/ssh", "_key")) {
    if (p.starts_with("/etc/ssh/ssh_host_")) add(p, "present in /etc/ssh", {p, 0});
  }
  int judged = 0;
  for (const auto& k : keys) {
    judge_private(host, k, out, judged);
    judge_public(host, k, out);
  }
  if (judged == 0) {
    out.not_applicable("no SSH host key file exists (sshd creates them on first start)");
    return;
  }
  out.pass(fmt::format("{} private host key(s) root-owned with mode 0600 or stricter", judged));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);

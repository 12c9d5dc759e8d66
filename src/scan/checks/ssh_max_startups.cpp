// SPDX-License-Identifier: Apache-2.0
// host.ssh.max_startups: MaxStartups limits unauthenticated connections to 10:30:60 or stricter
// (CIS 5.1.18). The value is "start:rate:full" (random early drop from `start` connections at
// `rate` percent, all dropped at `full`) or a single number (drop all above it). The OpenSSH 9.2
// default is 10:30:100. MaxStartups is not allowed in Match blocks.
#include <charconv>
#include <optional>

#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sshd_config.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.ssh.max_startups",
    .title = "SSH limits unauthenticated connections (MaxStartups 10:30:60 or stricter)",
    .family = "ssh",
    .severity = sw::Severity::kLow,
    .role = sw::Role::kAdmin,
    .why =
        "Every connection that has not logged in yet holds an sshd process. A generous limit "
        "lets a flood of half-open logins exhaust the server, so real administrators cannot get "
        "in when they most need to.",
    .fix =
        "Set `MaxStartups 10:30:60` in /etc/ssh/sshd_config (before any Match block), then "
        "`sshd -t && systemctl reload ssh`.",
    .cis = "5.1.18",
    .lynis = "SSH-7408",
    .refs = "CWE-400"};

struct Startups {
  long start = 0;
  long rate = 100;
  long full = 0;
};

std::optional<long> number(std::string_view s) {
  long v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

// "10:30:60" or "10" (sshd then refuses every connection above 10, as start == full).
std::optional<Startups> parse(std::string_view v) {
  Startups out;
  auto c1 = v.find(':');
  if (c1 == std::string_view::npos) {
    auto n = number(v);
    if (!n) return std::nullopt;
    out.start = out.full = *n;
    return out;
  }
  auto c2 = v.find(':', c1 + 1);
  if (c2 == std::string_view::npos) return std::nullopt;
  auto a = number(v.substr(0, c1));
  auto b = number(v.substr(c1 + 1, c2 - c1 - 1));
  auto c = number(v.substr(c2 + 1));
  if (!a || !b || !c) return std::nullopt;
  out.start = *a;
  out.rate = *b;
  out.full = *c;
  return out;
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const sw::scan::SshdConfig* cfg = sw::scan::sshd_config_for_check(ctx, out);
  if (cfg == nullptr) return;
  auto site = cfg->global("maxstartups");
  auto v = parse(site.value);
  if (!v) {
    out.error(fmt::format("cannot read {}", site.evidence()));
    return;
  }
  if (v->start <= 10 && v->rate >= 30 && v->full <= 60) {
    out.pass(site.evidence());
    return;
  }
  out.fail(sw::scan::Issue{
      .subject = site.subject(),
      .evidence =
          fmt::format("{}: up to {} unauthenticated connections (want 10:30:60 or stricter)",
                      site.evidence(), v->full),
      .location = site.location(cfg->main_file)});
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);

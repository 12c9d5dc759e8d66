// SPDX-License-Identifier: Apache-2.0
// host.ssh.idle_timeout: sshd drops connections whose client stopped answering:
// ClientAliveInterval > 0 (the default 0 sends no probe, so there is no timeout) and
// ClientAliveCountMax > 0 (0 disables the disconnect). Judged globally and in every Match block
// that sets either keyword (a Match block inherits the other one from the global value).
#include <optional>
#include <utility>

#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sshd_config.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.ssh.idle_timeout",
    .title = "SSH drops unresponsive connections",
    .family = "ssh",
    .severity = sw::Severity::kLow,
    .role = sw::Role::kAdmin,
    .why =
        "Without client-alive probes, sessions whose client vanished stay open for ever, "
        "holding resources and leaving logged-in sessions behind.",
    .fix =
        "Set `ClientAliveInterval 15` and `ClientAliveCountMax 3` (about 45 seconds without an "
        "answer) in the first sshd configuration file that sets them, then "
        "`sshd -t && systemctl reload ssh`.",
    .cis = "5.1.7",
    .lynis = "SSH-7408",
    .refs = "CWE-613"};

long number(const std::string& v) {
  if (auto t = sw::scan::sshd_parse_time(v)) return *t;
  return -1;
}

// The issue with one pair of values, or nothing when the pair gives a timeout.
std::optional<sw::scan::Issue> judge(const sw::scan::SshdConfig& cfg,
                                     const sw::scan::SshdValueSite& interval,
                                     const sw::scan::SshdValueSite& count) {
  const sw::scan::SshdValueSite* culprit = nullptr;
  std::string_view why;
  if (number(interval.value) == 0) {
    culprit = &interval;
    why = "no client-alive probes, so no idle timeout";
  } else if (number(count.value) == 0) {
    culprit = &count;
    why = "ClientAliveCountMax 0 never disconnects";
  } else {
    return std::nullopt;
  }
  return sw::scan::Issue{.subject = culprit->subject(),
                         .evidence = fmt::format("{}: {}", culprit->evidence(), why),
                         .location = culprit->location(cfg.main_file)};
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const sw::scan::SshdConfig* cfg = sw::scan::sshd_config_for_check(ctx, out);
  if (cfg == nullptr) return;
  bool weak = false;
  const auto g_interval = cfg->global("clientaliveinterval");
  const auto g_count = cfg->global("clientalivecountmax");
  if (auto issue = judge(*cfg, g_interval, g_count)) {
    weak = true;
    out.fail(std::move(*issue));
  }
  for (const auto& m : cfg->matches) {
    const auto* mi = m.find("clientaliveinterval");
    const auto* mc = m.find("clientalivecountmax");
    if (mi == nullptr && mc == nullptr) continue;
    auto interval = g_interval;
    auto count = g_count;
    for (auto [s, site] : {std::pair{mi, &interval}, std::pair{mc, &count}}) {
      if (s == nullptr) continue;
      site->setting = s;
      site->value = s->value();
      site->match = &m;
    }
    // A Match block is reported for what it sets itself; an inherited weak global value is
    // already reported above.
    auto issue = judge(*cfg, interval, count);
    if (!issue) continue;
    const auto* culprit = number(interval.value) == 0 ? &interval : &count;
    if (culprit->match == nullptr) continue;
    weak = true;
    out.fail(std::move(*issue));
  }
  if (!weak) out.pass(fmt::format("{}; {}", g_interval.evidence(), g_count.evidence()));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);

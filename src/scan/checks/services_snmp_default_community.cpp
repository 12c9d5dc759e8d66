// SPDX-License-Identifier: Apache-2.0
// host.services.snmp_default_community: snmpd does not accept the well-known communities
// "public" or "private" (rocommunity/rwcommunity[6] and com2sec[6] lines of
// /etc/snmp/snmpd.conf and the files it includes with includeFile/includeDir). An agent that
// listens only on the loopback address (agentaddress) is less exposed: medium instead of high.
// Other community strings are secrets and are never printed.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/packages.h"
#include "scan/facts/service_configs.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.services.snmp_default_community",
    .title = "SNMP does not use a default community",
    .family = "services",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kAdmin,
    .why =
        "SNMP communities are passwords sent in clear text, and 'public' and 'private' are the "
        "first ones every scanner tries. With them anyone can read the system's processes, "
        "network and software, and with a write community change its settings.",
    .fix =
        "Replace the community lines in /etc/snmp/snmpd.conf with SNMPv3 users "
        "(`net-snmp-create-v3-user -ro -a SHA -x AES NAME`), or at least a long random "
        "community restricted to the monitoring host (`rocommunity S3cr3t 10.0.0.5`); keep "
        "`agentaddress udp:127.0.0.1:161` unless remote polling is needed; restart snmpd.",
    .cis = "2.1.15",
    .lynis = "SNMP-3306",
    .refs = "CWE-1392 CWE-798"};

bool loopback_only(const std::vector<std::string>& addrs) {
  if (addrs.empty()) return false;  // net-snmp listens on all interfaces by default
  for (const auto& a : addrs) {
    std::string_view s = a;
    for (std::string_view rest = s; !rest.empty();) {
      auto comma = rest.find(',');
      auto one = rest.substr(0, comma);
      bool lo = one.find("127.0.0.1") != std::string_view::npos ||
                one.find("localhost") != std::string_view::npos ||
                one.find("[::1]") != std::string_view::npos;
      if (!lo) return false;
      if (comma == std::string_view::npos) break;
      rest = rest.substr(comma + 1);
    }
  }
  return true;
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* pk = sw::scan::packages_or_verdict(ctx, out);
  if (!pk) return;
  if (!pk->present("snmpd")) {
    out.pass("snmpd is not installed");
    return;
  }
  const sw::Host& host = ctx.host();
  std::vector<std::string> queue = {"/etc/snmp/snmpd.conf"};
  std::vector<sw::scan::SnmpCommunity> communities;
  std::vector<std::string> paths;
  std::vector<std::string> addrs;
  for (size_t i = 0; i < queue.size() && i < 64; ++i) {
    auto text = host.read_file(queue[i], 1 << 20);
    if (!text) {
      if (text.error().code() != sw::Errc::kNotFound) out.error(text.error().to_string());
      continue;
    }
    std::vector<sw::Error> errors;
    auto conf = sw::scan::parse_snmpd(*text, queue[i], errors);
    for (const auto& e : errors) ctx.input_error(e);
    for (auto& c : conf.communities) {
      communities.push_back(std::move(c));
      paths.push_back(queue[i]);
    }
    addrs.insert(addrs.end(), conf.agent_addresses.begin(), conf.agent_addresses.end());
    for (const auto& f : conf.include_files) queue.push_back(f);
    for (const auto& d : conf.include_dirs) {
      for (const auto& f : host.list_files(d, ".conf")) queue.push_back(f);
    }
  }
  bool local = loopback_only(addrs);
  int bad = 0;
  for (size_t i = 0; i < communities.size(); ++i) {
    const auto& c = communities[i];
    if (c.community != "public" && c.community != "private") continue;
    ++bad;
    sw::scan::Issue issue{
        .subject = fmt::format("snmpd community {}", c.community),
        .evidence = fmt::format("{} {}{} ({}:{})", c.directive, c.community,
                                c.source.empty() ? "" : " " + c.source, paths[i], c.line),
        .location = {paths[i], c.line},
        .package = "snmpd"};
    if (local) {
      issue.severity = sw::Severity::kMedium;
      issue.evidence += "; the agent listens on the loopback address only";
    }
    out.fail(std::move(issue));
  }
  if (bad == 0) {
    out.pass(fmt::format("snmpd has {} community definitions, none 'public' or 'private'",
                         communities.size()));
  }
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);

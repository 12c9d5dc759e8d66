// SPDX-License-Identifier: Apache-2.0
// host.network.listening_all_interfaces: services bound to every interface (0.0.0.0 or ::) are
// reachable from every network the machine joins. One issue per socket, graded by what usually
// listens on the port: plaintext or unauthenticated-by-default services are high, ssh is low.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sockets.h"

namespace {

struct PortInfo {
  uint16_t port;
  std::string_view name;
  sw::Severity severity;
};

// Services that are plaintext, unauthenticated by default, or long a target when exposed.
constexpr PortInfo kKnownPorts[] = {
    {21, "ftp", sw::Severity::kHigh},
    {23, "telnet", sw::Severity::kHigh},
    {69, "tftp", sw::Severity::kHigh},
    {111, "rpcbind", sw::Severity::kHigh},
    {512, "rexec", sw::Severity::kHigh},
    {513, "rlogin", sw::Severity::kHigh},
    {514, "rsh/syslog", sw::Severity::kHigh},
    {2049, "nfs", sw::Severity::kHigh},
    {3306, "mysql", sw::Severity::kHigh},
    {5432, "postgresql", sw::Severity::kHigh},
    {6379, "redis", sw::Severity::kHigh},
    {9200, "elasticsearch", sw::Severity::kHigh},
    {11211, "memcached", sw::Severity::kHigh},
    {27017, "mongodb", sw::Severity::kHigh},
    {22, "ssh", sw::Severity::kLow},
    {68, "dhcp client", sw::Severity::kInfo},
    {546, "dhcpv6 client", sw::Severity::kInfo},
    {5353, "mdns", sw::Severity::kLow},
};

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.network.listening_all_interfaces",
    .title = "Services listen only where needed",
    .family = "network",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "A service bound to 0.0.0.0 or :: answers on every network the machine joins, including "
        "public Wi-Fi. Databases, caches, file sharing and plaintext logins such as telnet or ftp "
        "are often unauthenticated or leak passwords, and are scanned for constantly.",
    .fix =
        "Stop and disable services you do not need (systemctl disable --now NAME). Bind the rest "
        "to 127.0.0.1 or a specific address in their configuration (for example bind 127.0.0.1 "
        "in redis.conf, listen_addresses = 'localhost' in postgresql.conf), and allow only the "
        "networks that need them in the host firewall.",
    .cis = "2.1.22",
    .lynis = "NETW-3012",
    .refs = "CWE-1327"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& sockets = ctx.fact<sw::scan::Sockets>();
  if (!sockets) {
    out.error(sockets.error().to_string());
    return;
  }
  if (!sockets->available) {
    out.not_applicable(sockets->unavailable_reason);
    return;
  }
  size_t specific = 0;
  for (const auto& ls : sockets->listening) {
    const auto& s = ls.socket;
    if (!s.wildcard()) {
      ++specific;
      continue;
    }
    std::string proto = s.proto.starts_with("tcp") ? "tcp" : "udp";
    std::string addr = s.v6 ? fmt::format("[{}]", s.address) : s.address;
    std::string subject = fmt::format("{}/{}:{}", proto, addr, s.port);
    std::string owner = ls.pid != 0
                            ? fmt::format("{}, pid {}", ls.comm.empty() ? "?" : ls.comm, ls.pid)
                            : std::string("process unknown");
    sw::scan::Issue issue{
        .subject = subject,
        .evidence = fmt::format("{} ({}) listens on all interfaces", subject, owner),
        .location = {fmt::format("/proc/net/{}", s.proto), s.line}};
    for (const auto& k : kKnownPorts) {
      if (k.port != s.port) continue;
      issue.severity = k.severity;
      issue.evidence += fmt::format("; port {} is usually {}", s.port, k.name);
      if (k.severity == sw::Severity::kHigh) {
        issue.evidence += ", which should not be reachable from other networks";
      }
    }
    out.fail(std::move(issue));
  }
  out.pass(fmt::format("{} listening socket(s) bound to a specific address", specific));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);

// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/sockets.h"

#include <array>
#include <charconv>
#include <map>

#include <arpa/inet.h>

#include <fmt/format.h>

#include "scan/context.h"

namespace sw::scan {
namespace {

constexpr int kTcpListen = 0x0A;
constexpr int kTcpClose = 0x07;

std::vector<std::string_view> fields_of(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

template <class T>
bool parse_num(std::string_view s, T& out, int base) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out, base);
  return ec == std::errc() && p == s.data() + s.size();
}

// "0100007F" -> 127.0.0.1; 32 hex digits -> IPv6. Each 32-bit word is in the kernel's byte order,
// which /proc prints as a native integer: little-endian here, so the bytes of a word are reversed.
bool decode_address(std::string_view hex, bool v6, std::string& out) {
  size_t words = v6 ? 4 : 1;
  if (hex.size() != words * 8) return false;
  std::array<unsigned char, 16> bytes{};
  for (size_t w = 0; w < words; ++w) {
    uint32_t word = 0;
    if (!parse_num(hex.substr(w * 8, 8), word, 16)) return false;
    for (size_t b = 0; b < 4; ++b) {
      bytes[w * 4 + b] = static_cast<unsigned char>((word >> (8 * b)) & 0xFF);
    }
  }
  std::array<char, INET6_ADDRSTRLEN> buf{};
  if (::inet_ntop(v6 ? AF_INET6 : AF_INET, bytes.data(), buf.data(), buf.size()) == nullptr) {
    return false;
  }
  out = buf.data();
  return true;
}

}  // namespace

bool SocketEntry::listening() const {
  if (proto.starts_with("tcp")) return state == kTcpListen;
  return state == kTcpClose && port != 0;
}

bool SocketEntry::wildcard() const { return address == "0.0.0.0" || address == "::"; }

bool SocketEntry::loopback() const {
  return address.starts_with("127.") || address == "::1" || address.starts_with("::ffff:127.");
}

uint64_t socket_inode_of_link(std::string_view link) {
  constexpr std::string_view kPrefix = "socket:[";
  if (!link.starts_with(kPrefix) || !link.ends_with("]")) return 0;
  uint64_t inode = 0;
  if (!parse_num(link.substr(kPrefix.size(), link.size() - kPrefix.size() - 1), inode, 10)) {
    return 0;
  }
  return inode;
}

std::vector<SocketEntry> parse_proc_net(std::string_view text, std::string_view proto,
                                        const std::string& path, std::vector<Error>& errors) {
  std::vector<SocketEntry> out;
  bool v6 = proto.ends_with("6");
  int n = 0;
  for (auto line : split_lines(text)) {
    ++n;
    auto f = fields_of(line);
    if (f.empty()) continue;
    if (f[0] == "sl") continue;  // the header line
    SocketEntry s;
    s.proto = std::string(proto);
    s.v6 = v6;
    s.line = n;
    auto bad = [&](std::string_view what) {
      errors.emplace_back(Errc::kParse, std::string(what), path, n);
    };
    if (f.size() < 10) {
      bad(fmt::format("{} fields, expected at least 10", f.size()));
      continue;
    }
    auto colon = f[1].find(':');
    if (colon == std::string_view::npos || !decode_address(f[1].substr(0, colon), v6, s.address) ||
        !parse_num(f[1].substr(colon + 1), s.port, 16)) {
      bad("malformed local address");
      continue;
    }
    if (!parse_num(f[3], s.state, 16) || !parse_num(f[7], s.uid, 10) ||
        !parse_num(f[9], s.inode, 10)) {
      bad("malformed state, uid or inode");
      continue;
    }
    out.push_back(std::move(s));
  }
  return out;
}

Result<Sockets> Sockets::load(ScanContext& ctx) {
  const Host& host = ctx.host();
  Sockets out;
  if (!host.live()) {
    out.unavailable_reason = "image mode: no running kernel to ask for listening sockets";
    return out;
  }
  std::vector<SocketEntry> all;
  bool any_table = false;
  for (std::string_view proto : {"tcp", "tcp6", "udp", "udp6"}) {
    std::string path = fmt::format("/proc/net/{}", proto);
    auto text = host.read_file(path);
    if (!text) continue;  // tcp6/udp6 are absent when IPv6 is disabled
    any_table = true;
    std::vector<Error> errors;
    auto entries = parse_proc_net(*text, proto, path, errors);
    for (const auto& e : errors) ctx.input_error(e);
    for (auto& e : entries) {
      if (e.listening()) all.push_back(std::move(e));
    }
  }
  if (!any_table) {
    out.unavailable_reason = "/proc/net/tcp and /proc/net/udp are not readable";
    return out;
  }
  out.available = true;

  // inode -> (pid, comm): scan /proc/PID/fd only when there is something to attribute.
  std::map<uint64_t, std::pair<int, std::string>> owners;
  if (!all.empty()) {
    std::map<uint64_t, bool> wanted;
    for (const auto& s : all) wanted[s.inode] = true;
    if (auto procs = host.list_dir("/proc")) {
      for (const auto& p : *procs) {
        int pid = 0;
        if (!parse_num(std::string_view(p.name), pid, 10) || pid <= 0) continue;
        std::string fd_dir = fmt::format("/proc/{}/fd", pid);
        auto fds = host.list_dir(fd_dir);
        if (!fds) continue;  // another user's process: permission denied, owner stays unknown
        for (const auto& fd : *fds) {
          auto link = host.read_link(fd_dir + "/" + fd.name);
          if (!link) continue;
          uint64_t inode = socket_inode_of_link(*link);
          if (inode == 0 || !wanted.contains(inode) || owners.contains(inode)) continue;
          std::string comm;
          if (auto c = host.read_file(fmt::format("/proc/{}/comm", pid), 4096)) {
            comm = std::string(trim(*c));
          }
          owners[inode] = {pid, comm};
        }
      }
    }
  }
  for (auto& s : all) {
    ListeningSocket ls;
    if (auto it = owners.find(s.inode); it != owners.end() && s.inode != 0) {
      ls.pid = it->second.first;
      ls.comm = it->second.second;
    }
    ls.socket = std::move(s);
    out.listening.push_back(std::move(ls));
  }
  return out;
}

}  // namespace sw::scan

// SPDX-License-Identifier: Apache-2.0
// Sockets: the listening sockets of the running kernel, from /proc/net/{tcp,tcp6,udp,udp6}
// (proc(5)), with the process that owns each one.
//
// Table format (one header line, then one socket per line):
//   sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
// Addresses are hex: IPv4 is one 32-bit word, IPv6 four, each word printed in the kernel's native
// byte order (little-endian on the machines we run on, so "0100007F" is 127.0.0.1); the port after
// ':' is big-endian hex. st is the TCP state: 0A = LISTEN. For UDP, a socket that is bound but not
// connected (state 07, TCP_CLOSE) receives datagrams from anyone, so it counts as listening.
//
// The owner is found the way ss(8) and lsof(8) do it: every /proc/PID/fd/N link to "socket:[INODE]"
// maps the inode to PID, whose name is /proc/PID/comm. This is best effort: another user's fd
// directory is unreadable without privileges, and such sockets keep pid 0 and an empty comm.
//
// Live only: an image has no running kernel, so `available` is false and checks say so.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/result.h"

namespace sw::scan {

class ScanContext;

struct SocketEntry {
  std::string proto;    // "tcp", "tcp6", "udp", "udp6"
  std::string address;  // local address, printed: "0.0.0.0", "::", "127.0.0.1", "::ffff:1.2.3.4"
  uint16_t port = 0;
  int state = 0;  // kernel TCP state number (10 = LISTEN, 7 = CLOSE)
  uint32_t uid = 0;
  uint64_t inode = 0;
  bool v6 = false;
  int line = 0;  // line in the /proc/net table

  bool listening() const;  // tcp LISTEN, or udp bound and unconnected
  bool wildcard() const;   // bound to every interface (0.0.0.0 or ::)
  bool loopback() const;   // 127.0.0.0/8, ::1 or ::ffff:127.x.y.z
};

struct ListeningSocket {
  SocketEntry socket;
  int pid = 0;       // 0 when unknown
  std::string comm;  // process name, empty when unknown
};

struct Sockets {
  bool available = false;  // false in image mode or when /proc/net is missing
  std::string unavailable_reason;
  std::vector<ListeningSocket> listening;  // every listening socket, in table order

  static Result<Sockets> load(ScanContext& ctx);
};

// Parses one /proc/net/{tcp,tcp6,udp,udp6} table. `proto` is the table name ("tcp6"), `path` is
// used in error messages. Malformed lines are appended to `errors` and skipped.
std::vector<SocketEntry> parse_proc_net(std::string_view text, std::string_view proto,
                                        const std::string& path, std::vector<Error>& errors);

// The inode in a /proc/PID/fd link text "socket:[12345]", or 0.
uint64_t socket_inode_of_link(std::string_view link);

}  // namespace sw::scan

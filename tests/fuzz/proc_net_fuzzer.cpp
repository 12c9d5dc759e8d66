// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: the /proc/net/{tcp,udp}[6] table parser.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "scan/facts/sockets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<sw::Error> errors;
  (void)sw::scan::parse_proc_net(text, "tcp", "/proc/net/tcp", errors);
  (void)sw::scan::parse_proc_net(text, "udp6", "/proc/net/udp6", errors);
  (void)sw::scan::socket_inode_of_link(text);
  return 0;
}

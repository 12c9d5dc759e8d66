// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the password line reader (password/input.h), the parser of
// `shieldwall password --stdin`: the input through a memfd, with a small line cap so that the
// too-long path (skip to the end of the line in bounded memory) is reached as often as the rest.
#include <cstddef>
#include <cstdint>

#include <sys/mman.h>
#include <unistd.h>

#include "password/input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const int fd = ::memfd_create("line-reader-fuzz", 0);
  if (fd < 0) return 0;
  for (size_t done = 0; done < size;) {
    const ssize_t n = ::write(fd, data + done, size - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  ::lseek(fd, 0, SEEK_SET);
  {
    sw::password::LineReader reader(fd, 64);
    sw::password::SecretString line;
    std::uint64_t last = 0;
    for (;;) {
      const auto status = reader.next(line);
      if (status == sw::password::LineReader::Status::kEnd ||
          status == sw::password::LineReader::Status::kError) {
        break;
      }
      if (line.size() > 64 || reader.line_number() <= last) __builtin_trap();
      last = reader.line_number();
    }
  }
  ::close(fd);
  return 0;
}

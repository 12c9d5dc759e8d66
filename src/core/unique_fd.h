// SPDX-License-Identifier: Apache-2.0
// UniqueFd: owns a file descriptor and closes it (the secrets file reader, the breach-index
// source reader and the mailbox reader share it).
#pragma once

#include <unistd.h>

namespace sw {

class UniqueFd {
 public:
  explicit UniqueFd(int fd) : fd_(fd) {}
  ~UniqueFd() {
    if (fd_ >= 0) ::close(fd_);
  }
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace sw

// SPDX-License-Identifier: Apache-2.0
// Where `shieldwall password` gets passwords from: a no-echo prompt on the terminal, or lines of a
// stream (--stdin). Never argv (DESIGN.md, "Rules the product keeps about itself"). Every byte read
// goes straight into a SecretString; the read buffers are wiped. Hand-written: termios and read(2)
// are all it takes, and no library keeps the buffers wiped.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/error.h"
#include "core/result.h"
#include "password/secret_string.h"

namespace sw::password {

// Asks for a password on the controlling terminal (/dev/tty) with echo off, writing `prompt` to
// it; echo is restored however the read ends (also on SIGINT / SIGTERM / SIGHUP: the handler
// restores it and re-raises). An error when there is no terminal.
Result<SecretString> prompt_no_echo(const std::string& prompt);

// Reads lines from a file descriptor, one SecretString each, the line ending ("\n" or "\r\n")
// removed. A line longer than `max_line` bytes is skipped whole (read to its end in bounded memory)
// and counted: the caller says so with its line number. The last line may lack its "\n".
class LineReader {
 public:
  explicit LineReader(int fd, std::size_t max_line = 16u << 20) : fd_(fd), max_line_(max_line) {}
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;
  ~LineReader();

  enum class Status { kLine, kTooLong, kEnd, kError };
  // The next line into `line` (kLine), or kTooLong (line() says which; `line` empty), kEnd, or
  // kError (error() says why).
  Status next(SecretString& line);
  std::uint64_t line_number() const { return line_no_; }  // 1-based, of the last line returned
  const std::string& error() const { return error_; }

 private:
  bool fill();  // more bytes into buf_; false at end of input or on error

  int fd_;
  std::size_t max_line_;
  std::string buf_;  // wiped on destruction and when refilled
  std::size_t pos_ = 0;
  bool eof_ = false;
  std::uint64_t line_no_ = 0;
  std::string error_;
};

}  // namespace sw::password

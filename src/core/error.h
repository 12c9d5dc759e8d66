// SPDX-License-Identifier: Apache-2.0
// Error: what went wrong, where (file and line when there is one), as one line for a person.
// Error messages never carry secret or password values (DESIGN.md, "Rules the product keeps").
#pragma once

#include <string>
#include <string_view>

namespace sw {

enum class Errc {
  kNotFound,     // the file or item does not exist
  kPermission,   // the file exists but cannot be read by this user
  kParse,        // the bytes are there but malformed
  kIo,           // a read failed for another reason
  kUsage,        // the user asked for something impossible (bad option, bad config)
  kUnsupported,  // the input is valid but of a kind we do not handle
  kInternal,     // a bug of ours
};

std::string_view errc_name(Errc code);

class Error {
 public:
  Error(Errc code, std::string message, std::string file = {}, int line = 0)
      : code_(code), message_(std::move(message)), file_(std::move(file)), line_(line) {}

  Errc code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& file() const { return file_; }
  int line() const { return line_; }

  // "FILE:LINE: MESSAGE", "FILE: MESSAGE" or "MESSAGE".
  std::string to_string() const;

 private:
  Errc code_;
  std::string message_;
  std::string file_;
  int line_;
};

// An Error from errno after a failed system call on `path` (ENOENT -> kNotFound, EACCES -> ...).
Error error_from_errno(int err, std::string_view what, std::string path);

}  // namespace sw

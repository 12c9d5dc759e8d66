// SPDX-License-Identifier: Apache-2.0
#include "core/error.h"

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace sw {

std::string_view errc_name(Errc code) {
  switch (code) {
    case Errc::kNotFound:
      return "not_found";
    case Errc::kPermission:
      return "permission";
    case Errc::kParse:
      return "parse";
    case Errc::kIo:
      return "io";
    case Errc::kUsage:
      return "usage";
    case Errc::kUnsupported:
      return "unsupported";
    case Errc::kInternal:
      return "internal";
  }
  return "internal";
}

std::string Error::to_string() const {
  if (file_.empty()) return message_;
  if (line_ > 0) return fmt::format("{}:{}: {}", file_, line_, message_);
  return fmt::format("{}: {}", file_, message_);
}

Error error_from_errno(int err, std::string_view what, std::string path) {
  Errc code = Errc::kIo;
  if (err == ENOENT || err == ENOTDIR) code = Errc::kNotFound;
  if (err == EACCES || err == EPERM) code = Errc::kPermission;
  std::string msg = what.empty() ? std::string(std::strerror(err))
                                 : fmt::format("{}: {}", what, std::strerror(err));
  return Error(code, std::move(msg), std::move(path));
}

}  // namespace sw

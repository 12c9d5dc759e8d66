// SPDX-License-Identifier: Apache-2.0
// sw::Result<T>: the error currency for everything that can go wrong on a real machine (missing
// file, permission denied, parse error). A thin alias over tl::expected (Debian libexpected-dev),
// because std::expected is unavailable to g++ 12 under -std=c++20 and to clang 14 (STYLE.md).
#pragma once

#include <tl/expected.hpp>

#include "core/error.h"

namespace sw {

template <class T>
using Result = tl::expected<T, Error>;

using Unexpected = tl::unexpected<Error>;

// Builds the error side of a Result: `return fail(Errc::kNotFound, "no such file", path);`
template <class... Args>
[[nodiscard]] inline Unexpected fail(Args&&... args) {
  return Unexpected(Error(std::forward<Args>(args)...));
}

}  // namespace sw

// Early return on error (YARA's FAIL_ON_ERROR, typed). Usable in functions returning any Result.
#define SW_TRY(expr)                                                      \
  do {                                                                    \
    auto&& sw_try_result_ = (expr);                                       \
    if (!sw_try_result_) return ::sw::Unexpected(sw_try_result_.error()); \
  } while (0)

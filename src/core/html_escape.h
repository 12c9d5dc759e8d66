// SPDX-License-Identifier: Apache-2.0
// Escaping text for HTML element content and quoted attribute values (& < > " '), shared by the
// report's HTML writer and the graph's HTML page.
#pragma once

#include <string>
#include <string_view>

namespace sw {

std::string html_escape(std::string_view s);

}  // namespace sw

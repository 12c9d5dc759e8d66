// SPDX-License-Identifier: Apache-2.0
// Binary-file test: git's NUL-in-the-first-8000-bytes rule plus a table of magic numbers (the
// formats' published signatures). See binary.h.
#include "secrets/binary.h"

#include <array>
#include <cstring>

namespace sw::secrets {
namespace {

struct Magic {
  size_t offset;
  std::string_view bytes;
};

using namespace std::string_view_literals;

// Signatures whose first bytes may contain no NUL (those that always do are caught anyway).
constexpr std::array kMagics{
    Magic{0,
          "\x7f"
          "ELF"sv},                   // ELF executable, shared object
    Magic{0, "\x89PNG\r\n\x1a\n"sv},  // PNG
    Magic{0, "\xff\xd8\xff"sv},       // JPEG
    Magic{0, "GIF87a"sv},             // GIF
    Magic{0, "GIF89a"sv},             //
    Magic{0, "%PDF-"sv},              // PDF
    Magic{0, "PK\x03\x04"sv},         // zip, jar, docx, apk, whl...
    Magic{0, "PK\x05\x06"sv},         // empty zip
    Magic{0, "PK\x07\x08"sv},         // spanned zip
    Magic{0, "\x1f\x8b"sv},           // gzip
    Magic{0,
          "\xfd"
          "7zXZ"sv},                                 // xz
    Magic{0, "7z\xbc\xaf\x27\x1c"sv},                // 7-Zip
    Magic{0, "\x28\xb5\x2f\xfd"sv},                  // zstd
    Magic{0, "\x04\x22\x4d\x18"sv},                  // lz4
    Magic{0, "Rar!\x1a\x07"sv},                      // RAR
    Magic{0, "MSCF"sv},                              // Microsoft cabinet
    Magic{0, "!<arch>\n"sv},                         // ar: .deb, static libraries
    Magic{0, "\xca\xfe\xba\xbe"sv},                  // Java class, Mach-O universal
    Magic{0, "\xcf\xfa\xed\xfe"sv},                  // Mach-O 64-bit
    Magic{0, "\xce\xfa\xed\xfe"sv},                  // Mach-O 32-bit
    Magic{0, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"sv},  // OLE2: doc, xls, msi
    Magic{0, "wOFF"sv},                              // WOFF font
    Magic{0, "wOF2"sv},                              // WOFF2 font
    Magic{0, "OggS"sv},                              // Ogg
    Magic{0, "fLaC"sv},                              // FLAC
    Magic{0, "\x1a\x45\xdf\xa3"sv},                  // Matroska, WebM
    Magic{4, "ftyp"sv},                              // MP4, MOV, HEIC (after a binary box size)
};

bool starts_with_at(std::string_view head, const Magic& magic) {
  return head.size() >= magic.offset + magic.bytes.size() &&
         head.substr(magic.offset, magic.bytes.size()) == magic.bytes;
}

}  // namespace

bool looks_binary(std::string_view head) {
  std::string_view sniff = head.substr(0, kBinarySniffBytes);
  if (std::memchr(sniff.data(), '\0', sniff.size()) != nullptr) return true;
  for (const Magic& magic : kMagics) {
    if (starts_with_at(head, magic)) return true;
  }
  // Signatures with a variable byte.
  if (head.size() >= 4 && head.substr(0, 3) == "BZh" && head[3] >= '1' && head[3] <= '9') {
    return true;  // bzip2 (block size digit)
  }
  if (head.size() >= 4 && head.substr(0, 3) == "ID3" && head[3] >= 2 && head[3] <= 4) {
    return true;  // MP3 with an ID3v2 tag (version byte)
  }
  if (head.size() >= 12 && head.substr(0, 4) == "RIFF") {
    std::string_view form = head.substr(8, 4);
    if (form == "WAVE" || form == "AVI " || form == "WEBP") return true;
  }
  return false;
}

}  // namespace sw::secrets

// SPDX-License-Identifier: Apache-2.0
// Attachments by content: libmagic names the type, libarchive lists containers, ICU's ubidi
// shows how a name with bidi controls is displayed; the OLE2 directory walk and the name checks
// are by hand (see attachment.h for why). Cost: libmagic once per attachment and per sniffed
// archive entry (on at most max_magic_bytes); archive work bounded by AttachmentLimits.
#include "phish/attachment.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <utility>

#include <archive.h>
#include <archive_entry.h>
#include <magic.h>

#include <unicode/ubidi.h>
#include <unicode/ustring.h>

namespace sw::phish {
namespace {

// ---- libmagic: one handle per thread, default database loaded once per thread ----------------

struct MagicCloser {
  void operator()(magic_set* m) const { magic_close(m); }
};

magic_t thread_magic() {
  thread_local std::unique_ptr<magic_set, MagicCloser> handle = [] {
    magic_t m = magic_open(MAGIC_MIME_TYPE);
    if (m != nullptr && magic_load(m, nullptr) != 0) {
      magic_close(m);
      m = nullptr;
    }
    return std::unique_ptr<magic_set, MagicCloser>(m);
  }();
  return handle.get();
}

std::string magic_mime(std::string_view data) {
  magic_t m = thread_magic();
  if (m == nullptr) {
    return "application/octet-stream";
  }
  const char* r = magic_buffer(m, data.data(), data.size());
  return r != nullptr ? std::string(r) : "application/octet-stream";
}

// ---- small string helpers -------------------------------------------------------------------

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = lower(c);
  }
  return out;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) {
      return false;
    }
  }
  return true;
}

bool in(std::string_view v, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), v) != set.end();
}

// A file name safe to print: control characters and bidi controls shown as <U+XXXX>, cut at 120.
std::string printable_name(std::string_view name) {
  std::string out;
  for (size_t i = 0; i < name.size() && out.size() < 120; ++i) {
    auto c = static_cast<unsigned char>(name[i]);
    if (c < 0x20 || c == 0x7f) {
      out += '?';
    } else if (c == 0xE2 && i + 2 < name.size() &&
               static_cast<unsigned char>(name[i + 1]) == 0x80 &&
               static_cast<unsigned char>(name[i + 2]) >= 0xAA &&
               static_cast<unsigned char>(name[i + 2]) <= 0xAE) {
      static constexpr std::array<std::string_view, 5> kNames = {"<U+202A>", "<U+202B>", "<U+202C>",
                                                                 "<U+202D>", "<U+202E>"};
      out += kNames[static_cast<unsigned char>(name[i + 2]) - 0xAA];
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  if (out.size() >= 120) {
    out += "...";
  }
  return out;
}

std::string quoted(std::string_view name) {
  return "'" + (name.empty() ? std::string("(no name)") : printable_name(name)) + "'";
}

// ---- content type tables ----------------------------------------------------------------------

struct MimeRow {
  std::string_view mime;
  FileKind kind;
  std::string_view label;
};

constexpr MimeRow kMimeTable[] = {
    {"application/vnd.microsoft.portable-executable", FileKind::kExecutable, "a Windows program"},
    {"application/x-dosexec", FileKind::kExecutable, "a Windows program"},
    {"application/x-msdownload", FileKind::kExecutable, "a Windows program"},
    {"application/x-executable", FileKind::kExecutable, "a Linux program"},
    {"application/x-pie-executable", FileKind::kExecutable, "a Linux program"},
    {"application/x-sharedlib", FileKind::kExecutable, "a Linux program library"},
    {"application/x-mach-binary", FileKind::kExecutable, "a macOS program"},
    {"application/x-msi", FileKind::kExecutable, "a Windows installer (MSI)"},
    {"application/java-archive", FileKind::kExecutable, "a Java program"},
    {"application/x-java-applet", FileKind::kExecutable, "a Java program"},
    {"application/vnd.ms-htmlhelp", FileKind::kExecutable,
     "a compiled Windows help file (CHM), which can run code"},
    {"text/x-msdos-batch", FileKind::kScript, "a Windows batch script"},
    {"application/javascript", FileKind::kScript, "a JavaScript file"},
    {"text/javascript", FileKind::kScript, "a JavaScript file"},
    {"application/x-ms-shortcut", FileKind::kShortcut, "a Windows shortcut (.lnk)"},
    {"application/x-mswinurl", FileKind::kShortcut, "an Internet shortcut (.url)"},
    {"application/x-iso9660-image", FileKind::kDiskImage, "a disk image (ISO)"},
    {"application/x-virtualbox-vhd", FileKind::kDiskImage, "a virtual hard disk (VHD)"},
    {"application/x-virtualbox-vhdx", FileKind::kDiskImage, "a virtual hard disk (VHDX)"},
    {"application/x-qemu-disk", FileKind::kDiskImage, "a disk image"},
    {"text/html", FileKind::kHtml, "a web page (HTML)"},
    {"application/xhtml+xml", FileKind::kHtml, "a web page (HTML)"},
    {"image/svg+xml", FileKind::kSvg, "an SVG image"},
    {"application/zip", FileKind::kArchive, "a ZIP archive"},
    {"application/x-rar", FileKind::kArchive, "a RAR archive"},
    {"application/vnd.rar", FileKind::kArchive, "a RAR archive"},
    {"application/x-7z-compressed", FileKind::kArchive, "a 7-Zip archive"},
    {"application/gzip", FileKind::kArchive, "a gzip-compressed file"},
    {"application/x-gzip", FileKind::kArchive, "a gzip-compressed file"},
    {"application/x-tar", FileKind::kArchive, "a TAR archive"},
    {"application/x-bzip2", FileKind::kArchive, "a bzip2-compressed file"},
    {"application/x-xz", FileKind::kArchive, "an xz-compressed file"},
    {"application/x-lzma", FileKind::kArchive, "an LZMA-compressed file"},
    {"application/x-lzip", FileKind::kArchive, "an lzip-compressed file"},
    {"application/zstd", FileKind::kArchive, "a zstd-compressed file"},
    {"application/x-compress", FileKind::kArchive, "a compressed file"},
    {"application/vnd.ms-cab-compressed", FileKind::kArchive, "a CAB archive"},
    {"application/x-lzh-compressed", FileKind::kArchive, "an LZH archive"},
    {"application/x-cpio", FileKind::kArchive, "a CPIO archive"},
    {"application/x-arj", FileKind::kArchive, "an ARJ archive"},
    {"application/x-ace-compressed", FileKind::kArchive, "an ACE archive"},
    {"application/pdf", FileKind::kDocument, "a PDF"},
    {"text/rtf", FileKind::kDocument, "an RTF document"},
    {"application/msword", FileKind::kDocument, "a Word document"},
    {"application/vnd.ms-excel", FileKind::kDocument, "an Excel workbook"},
    {"application/vnd.ms-powerpoint", FileKind::kDocument, "a PowerPoint presentation"},
    {"application/vnd.ms-office", FileKind::kDocument, "an Office document"},
    {"application/x-ole-storage", FileKind::kDocument, "an Office (OLE) document"},
    {"application/CDFV2", FileKind::kDocument, "an Office (OLE) document"},
    {"application/vnd.ms-outlook", FileKind::kDocument, "an Outlook message"},
};

struct ExtRow {
  std::string_view ext;
  std::string_view label;
};

// Plain-text files Windows runs on a double-click: known by name only (their content is text).
constexpr ExtRow kScriptExts[] = {
    {"js", "a JavaScript file"},
    {"jse", "an encoded JavaScript file"},
    {"vbs", "a VBScript file"},
    {"vbe", "an encoded VBScript file"},
    {"vb", "a VBScript file"},
    {"wsf", "a Windows Script file"},
    {"wsh", "a Windows Script file"},
    {"wsc", "a Windows Script component"},
    {"ps1", "a PowerShell script"},
    {"psm1", "a PowerShell script"},
    {"bat", "a Windows batch script"},
    {"cmd", "a Windows batch script"},
    {"hta", "an HTML application (HTA)"},
    {"sct", "a Windows scriptlet"},
    {"reg", "a registry file that changes Windows settings"},
};
constexpr ExtRow kShortcutExts[] = {
    {"url", "an Internet shortcut (.url)"},
    {"website", "a pinned-site shortcut (.website)"},
    {"scf", "a Windows Explorer command file (.scf)"},
    {"lnk", "a Windows shortcut (.lnk)"},
};
constexpr ExtRow kDiskExts[] = {
    {"iso", "a disk image (ISO)"},
    {"img", "a disk image (IMG)"},
    {"vhd", "a virtual hard disk (VHD)"},
    {"vhdx", "a virtual hard disk (VHDX)"},
};
constexpr ExtRow kProgramExts[] = {
    {"exe", "a Windows program"},
    {"scr", "a Windows program (screensaver)"},
    {"com", "a Windows program"},
    {"pif", "a Windows program"},
    {"cpl", "a Windows control-panel program"},
    {"dll", "a Windows program library"},
    {"msi", "a Windows installer (MSI)"},
    {"msix", "a Windows app installer"},
    {"appx", "a Windows app installer"},
    {"jar", "a Java program"},
    {"chm", "a compiled Windows help file (CHM), which can run code"},
};
// Harmless-looking names a dangerous file hides behind ("what the name claims").
constexpr ExtRow kDecoyExts[] = {
    {"pdf", "a PDF"},         {"doc", "a Word document"}, {"docx", "a Word document"},
    {"odt", "a document"},    {"rtf", "a document"},      {"txt", "a text file"},
    {"xls", "a spreadsheet"}, {"xlsx", "a spreadsheet"},  {"csv", "a spreadsheet"},
    {"ods", "a spreadsheet"}, {"ppt", "a presentation"},  {"pptx", "a presentation"},
    {"jpg", "an image"},      {"jpeg", "an image"},       {"png", "an image"},
    {"gif", "an image"},      {"bmp", "an image"},        {"tif", "an image"},
    {"tiff", "an image"},     {"webp", "an image"},       {"heic", "an image"},
    {"mp3", "an audio file"}, {"wav", "an audio file"},   {"m4a", "an audio file"},
    {"mp4", "a video"},       {"mov", "a video"},         {"avi", "a video"},
    {"eml", "an e-mail"},     {"msg", "an e-mail"},       {"ics", "a calendar invitation"},
};

template <size_t N>
const ExtRow* find_ext(const ExtRow (&table)[N], std::string_view ext) {
  for (const auto& row : table) {
    if (row.ext == ext) {
      return &row;
    }
  }
  return nullptr;
}

// What the file name alone says it is (programs, scripts, shortcuts, disk images, web pages).
std::pair<FileKind, std::string_view> kind_by_name(std::string_view ext) {
  if (const auto* r = find_ext(kProgramExts, ext)) {
    return {FileKind::kExecutable, r->label};
  }
  if (const auto* r = find_ext(kScriptExts, ext)) {
    return {FileKind::kScript, r->label};
  }
  if (const auto* r = find_ext(kShortcutExts, ext)) {
    return {FileKind::kShortcut, r->label};
  }
  if (const auto* r = find_ext(kDiskExts, ext)) {
    return {FileKind::kDiskImage, r->label};
  }
  if (in(ext, {"htm", "html", "shtml", "xhtml", "mht", "mhtml"})) {
    return {FileKind::kHtml, "a web page (HTML)"};
  }
  if (ext == "svg") {
    return {FileKind::kSvg, "an SVG image"};
  }
  return {FileKind::kOther, ""};
}

bool dangerous_kind(FileKind k) {
  return k == FileKind::kExecutable || k == FileKind::kScript || k == FileKind::kShortcut ||
         k == FileKind::kDiskImage;
}

// What the declared Content-Type claims, in plain words ("" for generic or unknown types).
std::string_view claim_of_declared(std::string_view declared) {
  if (declared == "application/pdf") {
    return "a PDF";
  }
  if (starts_with(declared, "image/") && declared != "image/svg+xml") {
    return "an image";
  }
  if (declared == "text/plain") {
    return "a text file";
  }
  if (declared == "application/msword" ||
      starts_with(declared, "application/vnd.openxmlformats-officedocument.wordprocessingml")) {
    return "a Word document";
  }
  if (declared == "application/vnd.ms-excel" ||
      starts_with(declared, "application/vnd.openxmlformats-officedocument.spreadsheetml")) {
    return "a spreadsheet";
  }
  if (starts_with(declared, "audio/")) {
    return "an audio file";
  }
  if (starts_with(declared, "video/")) {
    return "a video";
  }
  return "";
}

size_t ifind(std::string_view hay, std::string_view needle) {
  if (needle.empty() || hay.size() < needle.size()) {
    return std::string_view::npos;
  }
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    if (lower(hay[i]) == needle[0] && iequals(hay.substr(i, needle.size()), needle)) {
      return i;
    }
  }
  return std::string_view::npos;
}

// ---- HTML / SVG token checks ------------------------------------------------------------------

// A lower-cased copy without ASCII whitespace and quotes, so `type = "password"` and
// `type=password` read the same.
std::string squeeze(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '"' || c == '\'') {
      continue;
    }
    out += lower(c);
  }
  return out;
}

// An on*= event handler attribute: whitespace or '/', "on", letters, optional spaces, '='.
bool has_event_handler(std::string_view lowered) {
  for (size_t i = 1; i + 3 < lowered.size(); ++i) {
    char prev = lowered[i - 1];
    if (lowered[i] != 'o' || lowered[i + 1] != 'n') {
      continue;
    }
    if (prev != ' ' && prev != '\t' && prev != '\n' && prev != '\r' && prev != '/') {
      continue;
    }
    size_t j = i + 2;
    while (j < lowered.size() && lowered[j] >= 'a' && lowered[j] <= 'z') {
      ++j;
    }
    if (j - (i + 2) < 3) {
      continue;  // onload, onerror, onclick, onmouseover...
    }
    while (j < lowered.size() && (lowered[j] == ' ' || lowered[j] == '\t')) {
      ++j;
    }
    if (j < lowered.size() && lowered[j] == '=') {
      return true;
    }
  }
  return false;
}

HtmlTraits html_traits(std::string_view data) {
  HtmlTraits t;
  std::string s = squeeze(data);
  auto has = [&](std::string_view token) { return s.find(token) != std::string::npos; };
  t.form = has("<form");
  t.password = has("type=password");
  t.script = has("<script") || has("javascript:") || has_event_handler(to_lower(data));
  t.redirect = has("window.location") || has("location.href") || has("location.replace(") ||
               has("location.assign(") || has("http-equiv=refresh") || has("document.location");
  t.obfuscation = has("atob(") || has("unescape(") || has("eval(") || has("fromcharcode(") ||
                  has("document.write(") || has("decodeuricomponent(");
  t.foreign_object = has("<foreignobject");
  return t;
}

// ---- OLE2 / Compound File Binary directory walk (MS-CFB 2.2, 2.6) -----------------------------

constexpr std::string_view kCfbMagic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
constexpr uint32_t kMaxRegSect = 0xFFFFFFFA;

uint32_t le32(std::string_view d, size_t off) {
  uint32_t v = 0;
  for (size_t i = 0; i < 4; ++i) {
    v |= static_cast<uint32_t>(static_cast<unsigned char>(d[off + i])) << (8 * i);
  }
  return v;
}
uint16_t le16(std::string_view d, size_t off) {
  return static_cast<uint16_t>(static_cast<unsigned char>(d[off]) |
                               (static_cast<unsigned char>(d[off + 1]) << 8));
}

struct CfbFindings {
  bool vba = false;
  bool encrypted = false;
  std::string evidence;
};

// Walks the directory of a CFB file and looks at the entry names only. Returns false (with a
// note) when the file is cut or damaged before the directory could be read.
bool walk_cfb(std::string_view d, size_t max_sectors, CfbFindings& out,
              std::vector<std::string>& notes) {
  if (d.size() < 512 || d.substr(0, 8) != kCfbMagic) {
    return false;
  }
  uint16_t shift = le16(d, 0x1E);
  if (shift != 9 && shift != 12) {
    notes.push_back("the Office (OLE) file has an invalid sector size; not checked for macros");
    return false;
  }
  const size_t ssz = size_t{1} << shift;
  const size_t per_sector = ssz / 4;
  uint32_t num_fat = le32(d, 0x2C);
  uint32_t first_dir = le32(d, 0x30);
  uint32_t difat_next = le32(d, 0x44);
  auto sector_off = [&](uint32_t s) { return (static_cast<size_t>(s) + 1) * ssz; };

  std::vector<uint32_t> fat_sectors;
  for (size_t i = 0; i < 109 && fat_sectors.size() < num_fat; ++i) {
    uint32_t s = le32(d, 0x4C + 4 * i);
    if (s > kMaxRegSect) {
      break;
    }
    fat_sectors.push_back(s);
  }
  for (size_t hops = 0; difat_next <= kMaxRegSect && fat_sectors.size() < num_fat; ++hops) {
    if (hops >= max_sectors || sector_off(difat_next) + ssz > d.size()) {
      break;
    }
    size_t off = sector_off(difat_next);
    for (size_t i = 0; i + 1 < per_sector && fat_sectors.size() < num_fat; ++i) {
      fat_sectors.push_back(le32(d, off + 4 * i));
    }
    difat_next = le32(d, off + ssz - 4);
  }
  auto next = [&](uint32_t s) -> uint32_t {
    size_t idx = s / per_sector;
    if (idx >= fat_sectors.size()) {
      return 0xFFFFFFFE;
    }
    size_t off = sector_off(fat_sectors[idx]) + (s % per_sector) * 4;
    if (off + 4 > d.size()) {
      return 0xFFFFFFFE;
    }
    return le32(d, off);
  };

  size_t sectors = 0;
  bool read_any = false;
  for (uint32_t s = first_dir; s <= kMaxRegSect; s = next(s), ++sectors) {
    if (sectors >= max_sectors) {
      notes.push_back("the Office (OLE) file's directory is longer than " +
                      std::to_string(max_sectors) + " sectors (or loops); the rest was skipped");
      break;
    }
    size_t off = sector_off(s);
    if (off + ssz > d.size()) {
      notes.push_back(
          "the Office (OLE) file is cut before its directory ends; macros may be missed");
      break;
    }
    read_any = true;
    for (size_t e = off; e + 128 <= off + ssz; e += 128) {
      uint16_t name_len = le16(d, e + 64);
      auto type = static_cast<unsigned char>(d[e + 66]);
      if (type == 0 || name_len < 2 || name_len > 64 || name_len % 2 != 0) {
        continue;
      }
      std::string name;
      for (size_t i = 0; i + 2 < name_len; i += 2) {
        uint16_t ch = le16(d, e + i);
        name += (ch < 0x80) ? static_cast<char>(ch) : '?';
      }
      bool storage = type == 1;
      if (iequals(name, "_VBA_PROJECT") || iequals(name, "_VBA_PROJECT_CUR") ||
          (storage && (iequals(name, "VBA") || iequals(name, "Macros")))) {
        if (!out.vba) {
          out.evidence = "OLE " + std::string(storage ? "storage" : "stream") + " " + name;
        }
        out.vba = true;
      }
      if (iequals(name, "EncryptedPackage")) {
        out.encrypted = true;
      }
    }
  }
  return read_any;
}

// ---- archives (libarchive) --------------------------------------------------------------------

struct ArchiveFree {
  void operator()(archive* a) const { archive_read_free(a); }
};

struct ListCtx {
  const AttachmentLimits& limits;
  AttachmentScan& scan;
  uint64_t decompressed = 0;
  size_t entries = 0;
  bool stopped = false;
};

bool is_zip_office_entry(std::string_view name) {
  std::string n = to_lower(name);
  size_t slash = n.rfind('/');
  std::string_view base =
      slash == std::string::npos ? std::string_view(n) : std::string_view(n).substr(slash + 1);
  return base == "vbaproject.bin" || starts_with(n, "xl/macrosheets/");
}

// Worth opening: archives, disk images, zip-based Office files and any OLE2 file but an MSI.
bool looks_like_container(const ContentType& t, std::string_view head) {
  return t.kind == FileKind::kArchive || t.kind == FileKind::kDiskImage ||
         (t.kind == FileKind::kDocument && starts_with(head, "PK\x03\x04")) ||
         (t.kind != FileKind::kExecutable && starts_with(head, kCfbMagic));
}

// "64 KiB", "32 MiB", "1.5 GiB"-style sizes for notes (whole units, rounded down).
std::string human_bytes(uint64_t n) {
  if (n >= (uint64_t{1} << 30)) {
    return std::to_string(n >> 30) + " GiB";
  }
  if (n >= (uint64_t{1} << 20)) {
    return std::to_string(n >> 20) + " MiB";
  }
  if (n >= (uint64_t{1} << 10)) {
    return std::to_string(n >> 10) + " KiB";
  }
  return std::to_string(n) + " bytes";
}

void inspect_container(std::string_view data, const ContentType& type, const std::string& name,
                       int depth, ListCtx& ctx, bool record, bool& macros,
                       std::string& macro_evidence);

// Lists one archive held in memory. `record`: keep its entries in the scan (archives and disk
// images) or only look for macro parts (OOXML documents). `container` names it in notes.
void list_archive(std::string_view data, const std::string& container, int depth, ListCtx& ctx,
                  bool record, bool raw_ok, bool& macros, std::string& macro_evidence) {
  std::unique_ptr<archive, ArchiveFree> a(archive_read_new());
  if (!a) {
    return;
  }
  // In-process decompressors only (Debian's libarchive links zlib, bzip2, liblzma, zstd, lz4):
  // no external helper program is ever started.
  archive_read_support_filter_gzip(a.get());
  archive_read_support_filter_bzip2(a.get());
  archive_read_support_filter_xz(a.get());
  archive_read_support_filter_lzma(a.get());
  archive_read_support_filter_lzip(a.get());
  archive_read_support_filter_zstd(a.get());
  archive_read_support_filter_compress(a.get());
  archive_read_support_format_zip(a.get());
  archive_read_support_format_7zip(a.get());
  archive_read_support_format_rar(a.get());
  archive_read_support_format_rar5(a.get());
  archive_read_support_format_tar(a.get());
  archive_read_support_format_cpio(a.get());
  archive_read_support_format_cab(a.get());
  archive_read_support_format_lha(a.get());
  archive_read_support_format_iso9660(a.get());
  if (raw_ok) {
    archive_read_support_format_raw(a.get());  // a lone .gz / .bz2 / .xz file
  }
  if (archive_read_open_memory(a.get(), data.data(), data.size()) != ARCHIVE_OK) {
    const char* err = archive_error_string(a.get());
    ctx.scan.notes.push_back("could not open " + quoted(container) + " as an archive" +
                             (err != nullptr ? std::string(": ") + err : std::string()));
    return;
  }
  if (record && depth == 0) {
    ctx.scan.archive_listed = true;
  }
  std::string prefix = depth == 0 ? std::string() : container;
  archive_entry* e = nullptr;
  while (!ctx.stopped) {
    if (ctx.entries >= ctx.limits.max_entries) {
      ctx.scan.notes.push_back("stopped listing " + quoted(container) + " after " +
                               std::to_string(ctx.limits.max_entries) + " entries (limit)");
      ctx.stopped = true;
      break;
    }
    int r = archive_read_next_header(a.get(), &e);
    if (r == ARCHIVE_EOF) {
      break;
    }
    if (r != ARCHIVE_OK && r != ARCHIVE_WARN) {
      const char* err = archive_error_string(a.get());
      std::string msg = err != nullptr ? err : "unreadable entry";
      if (archive_read_has_encrypted_entries(a.get()) > 0 ||
          to_lower(msg).find("encrypt") != std::string::npos ||
          to_lower(msg).find("passphrase") != std::string::npos) {
        if (record) {
          ctx.scan.encrypted = true;
        }
        ctx.scan.notes.push_back(quoted(container) + " is encrypted and could not be listed (" +
                                 msg + ")");
      } else {
        ctx.scan.notes.push_back("stopped listing " + quoted(container) + ": " + msg);
      }
      break;
    }
    ++ctx.entries;
    int format = archive_format(a.get());
    if (archive_entry_filetype(e) == AE_IFDIR) {
      continue;
    }
    ArchiveEntry ent;
    const char* path = archive_entry_pathname_utf8(e);
    if (path == nullptr) {
      path = archive_entry_pathname(e);
    }
    ent.name = path != nullptr ? std::string(path).substr(0, 1024) : std::string();
    if ((format & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_RAW) {
      // A lone compressed file has no entry name: it is the container's name without ".gz".
      size_t dot = container.rfind('.');
      ent.name = dot == std::string::npos ? container : container.substr(0, dot);
    }
    ent.container = prefix;
    ent.size = archive_entry_size_is_set(e) ? archive_entry_size(e) : -1;
    ent.encrypted = archive_entry_is_encrypted(e) != 0;
    if (ent.size > 0) {
      uint64_t sz = static_cast<uint64_t>(ent.size);
      ctx.scan.declared_unpacked = ctx.scan.declared_unpacked > UINT64_MAX - sz
                                       ? UINT64_MAX
                                       : ctx.scan.declared_unpacked + sz;
    }
    if (is_zip_office_entry(ent.name)) {
      if (!macros) {
        macro_evidence = ent.name;
      }
      macros = true;
    }
    if (ent.encrypted && record) {
      ctx.scan.encrypted = true;
    }

    // Read the head of the entry to sniff it, and a nested container whole (bounded).
    uint64_t read = 0;
    std::string buf;
    bool open_nested = false;
    if (!ent.encrypted) {
      size_t want = ctx.limits.max_entry_sniff_bytes;
      bool whole = false;
      std::array<char, 16384> chunk{};
      while (buf.size() < want) {
        uint64_t left = ctx.limits.max_decompressed_bytes -
                        std::min(ctx.decompressed, ctx.limits.max_decompressed_bytes);
        if (left == 0) {
          break;
        }
        size_t n = std::min({chunk.size(), want - buf.size(), static_cast<size_t>(left)});
        la_ssize_t got = archive_read_data(a.get(), chunk.data(), n);
        if (got < 0) {
          const char* err = archive_error_string(a.get());
          ctx.scan.notes.push_back("could not read " + quoted(ent.name) + " in " +
                                   quoted(container) +
                                   (err != nullptr ? ": " + std::string(err) : ""));
          break;
        }
        if (got == 0) {
          whole = true;
          break;
        }
        buf.append(chunk.data(), static_cast<size_t>(got));
        read += static_cast<uint64_t>(got);
        ctx.decompressed += static_cast<uint64_t>(got);
        if (buf.size() == ctx.limits.max_entry_sniff_bytes &&
            want == ctx.limits.max_entry_sniff_bytes) {
          ContentType head = sniff_content(buf, ent.name);
          if (looks_like_container(head, buf) && depth + 1 < ctx.limits.max_archive_depth) {
            want = ctx.limits.max_nested_bytes;
          }
        }
      }
      if (!buf.empty() || whole) {
        ent.sniffed = true;
        ent.type = sniff_content(buf, ent.name);
        if (looks_like_container(ent.type, buf) && depth + 1 >= ctx.limits.max_archive_depth &&
            ent.type.kind != FileKind::kDocument) {
          ctx.scan.notes.push_back(quoted(ent.name) + " inside " + quoted(container) +
                                   " is an archive nested too deep and was not opened");
        } else if (looks_like_container(ent.type, buf) &&
                   depth + 1 < ctx.limits.max_archive_depth) {
          if (whole || buf.size() < want) {
            open_nested = true;
          } else {
            ctx.scan.notes.push_back(quoted(ent.name) + " inside " + quoted(container) +
                                     " is larger than " + human_bytes(ctx.limits.max_nested_bytes) +
                                     " and was not opened");
          }
        }
      }
    }
    if (!ent.sniffed) {
      auto [kind, label] = kind_by_name(file_extension(ent.name));
      ent.type.kind = kind;
      ent.type.label = std::string(label);
      ent.type.from_name = kind != FileKind::kOther;
    }
    // Skipping the rest of an entry is free for zip (central directory), ISO 9660 and
    // uncompressed tar; anywhere else it decompresses, so it is charged to the budget.
    bool cheap_skip = (format & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_ZIP ||
                      (format & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_ISO9660 ||
                      (archive_filter_code(a.get(), 0) == ARCHIVE_FILTER_NONE &&
                       ((format & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_TAR ||
                        (format & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_CPIO));
    const int64_t size = ent.size;
    const bool encrypted = ent.encrypted;
    // The entry is kept before what a nested container holds, so the listing reads in order.
    size_t index = ctx.scan.entries.size();
    ContentType nested_type = ent.type;
    std::string nested_name = ent.name;
    if (record) {
      ctx.scan.entries.push_back(std::move(ent));
    }
    if (open_nested) {
      bool nested_macros = false;
      std::string nested_evidence;
      inspect_container(buf, nested_type, nested_name, depth + 1, ctx, record, nested_macros,
                        nested_evidence);
      if (record) {
        ctx.scan.entries[index].macros = nested_macros;
      }
    }
    if ((format & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_RAW) {
      break;  // one entry only
    }
    if (!cheap_skip && !encrypted) {
      if (size < 0) {
        ctx.scan.notes.push_back("stopped listing " + quoted(container) +
                                 ": an entry of unknown size would have to be decompressed");
        break;
      }
      uint64_t rest = static_cast<uint64_t>(size) > read ? static_cast<uint64_t>(size) - read : 0;
      if (ctx.decompressed + rest > ctx.limits.max_decompressed_bytes) {
        ctx.scan.notes.push_back("stopped listing " + quoted(container) +
                                 ": going on would mean decompressing more than " +
                                 human_bytes(ctx.limits.max_decompressed_bytes) + " (limit)");
        ctx.stopped = true;
        break;
      }
      ctx.decompressed += rest;
    }
  }
  if (archive_read_has_encrypted_entries(a.get()) > 0 && record) {
    ctx.scan.encrypted = true;
  }
}

void inspect_container(std::string_view data, const ContentType& type, const std::string& name,
                       int depth, ListCtx& ctx, bool record, bool& macros,
                       std::string& macro_evidence) {
  if (starts_with(data, kCfbMagic)) {
    if (type.kind == FileKind::kExecutable) {
      return;  // MSI: a program anyway
    }
    CfbFindings f;
    walk_cfb(data, ctx.limits.max_cfb_sectors, f, ctx.scan.notes);
    if (f.vba) {
      macros = true;
      macro_evidence = f.evidence;
    }
    if (f.encrypted && depth == 0) {
      ctx.scan.encrypted = true;
      ctx.scan.encrypted_document = true;
    }
    return;
  }
  bool record_here = record && type.kind != FileKind::kDocument;
  bool raw_ok = type.kind == FileKind::kArchive && !starts_with(data, "PK") &&
                type.mime != "application/x-tar" && type.mime != "application/x-7z-compressed" &&
                type.mime.find("rar") == std::string::npos;
  if (type.kind == FileKind::kDiskImage && type.mime != "application/x-iso9660-image") {
    return;
  }
  list_archive(data, name, depth, ctx, record_here, raw_ok, macros, macro_evidence);
}

// ---- reasons ----------------------------------------------------------------------------------

FollowUp dont_open(const std::string& name) {
  return {Party::kRecipient,
          "Do not open the attachment " + quoted(name) +
              ". Report the message to your IT or security team, then delete it."};
}

std::string what_name_claims(const AttachmentScan& s) {
  // A decoy extension in front (invoice.pdf.exe) or as the only extension (invoice.pdf).
  std::string ext = file_extension(s.filename);
  if (const auto* r = find_ext(kDecoyExts, ext)) {
    return std::string(r->label);
  }
  std::string base = s.filename;
  size_t dot = base.rfind('.');
  if (dot != std::string::npos) {
    std::string stem = base.substr(0, dot);
    while (!stem.empty() && (stem.back() == ' ' || stem.back() == '_' || stem.back() == '\t')) {
      stem.pop_back();
    }
    if (const auto* r = find_ext(kDecoyExts, file_extension(stem))) {
      return std::string(r->label);
    }
  }
  return std::string(claim_of_declared(s.declared_type));
}

std::string strip_article(std::string_view label) {
  if (starts_with(label, "a ")) {
    return std::string(label.substr(2));
  }
  if (starts_with(label, "an ")) {
    return std::string(label.substr(3));
  }
  return std::string(label);
}

struct EntrySummary {
  const ArchiveEntry* first = nullptr;
  size_t count = 0;
};

}  // namespace

std::string_view file_kind_name(FileKind k) {
  switch (k) {
    case FileKind::kOther:
      return "other";
    case FileKind::kText:
      return "text";
    case FileKind::kDocument:
      return "document";
    case FileKind::kImage:
      return "image";
    case FileKind::kArchive:
      return "archive";
    case FileKind::kExecutable:
      return "executable";
    case FileKind::kScript:
      return "script";
    case FileKind::kShortcut:
      return "shortcut";
    case FileKind::kDiskImage:
      return "disk-image";
    case FileKind::kHtml:
      return "html";
    case FileKind::kSvg:
      return "svg";
  }
  return "other";
}

std::string file_extension(std::string_view filename) {
  size_t slash = filename.find_last_of("/\\");
  if (slash != std::string_view::npos) {
    filename = filename.substr(slash + 1);
  }
  while (!filename.empty() &&
         (filename.back() == ' ' || filename.back() == '.' || filename.back() == '\t')) {
    filename.remove_suffix(1);
  }
  size_t dot = filename.rfind('.');
  if (dot == std::string_view::npos) {
    return "";
  }
  std::string ext;
  for (char c : filename.substr(dot + 1)) {
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) {
      continue;  // bidi controls and other non-ASCII do not make an extension
    }
    ext += lower(c);
  }
  return ext;
}

bool has_bidi_control(std::string_view s) {
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    auto b0 = static_cast<unsigned char>(s[i]);
    auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b0 == 0xD8 && b1 == 0x9C) {
      return true;  // U+061C
    }
    if (b0 != 0xE2 || i + 2 >= s.size()) {
      continue;
    }
    auto b2 = static_cast<unsigned char>(s[i + 2]);
    if (b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE))) {
      return true;
    }
    if (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) {
      return true;
    }
  }
  return false;
}

std::string displayed_name(std::string_view filename) {
  if (!has_bidi_control(filename) || filename.size() > 4096) {
    return std::string(filename);
  }
  UErrorCode status = U_ZERO_ERROR;
  int32_t len16 = 0;
  u_strFromUTF8WithSub(nullptr, 0, &len16, filename.data(), static_cast<int32_t>(filename.size()),
                       0xFFFD, nullptr, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
    return std::string(filename);
  }
  status = U_ZERO_ERROR;
  std::u16string text(static_cast<size_t>(len16), u'\0');
  u_strFromUTF8WithSub(text.data(), len16, nullptr, filename.data(),
                       static_cast<int32_t>(filename.size()), 0xFFFD, nullptr, &status);
  if (U_FAILURE(status)) {
    return std::string(filename);
  }
  std::unique_ptr<UBiDi, decltype(&ubidi_close)> bidi(ubidi_open(), &ubidi_close);
  ubidi_setPara(bidi.get(), text.data(), len16, UBIDI_DEFAULT_LTR, nullptr, &status);
  if (U_FAILURE(status)) {
    return std::string(filename);
  }
  std::u16string shown(static_cast<size_t>(len16) * 2 + 1, u'\0');
  int32_t n = ubidi_writeReordered(bidi.get(), shown.data(), static_cast<int32_t>(shown.size()),
                                   UBIDI_DO_MIRRORING | UBIDI_REMOVE_BIDI_CONTROLS, &status);
  if (U_FAILURE(status)) {
    return std::string(filename);
  }
  std::string out(static_cast<size_t>(n) * 3 + 1, '\0');
  int32_t out_len = 0;
  u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &out_len, shown.data(), n,
                     0xFFFD, nullptr, &status);
  if (U_FAILURE(status)) {
    return std::string(filename);
  }
  out.resize(static_cast<size_t>(out_len));
  return out;
}

ContentType sniff_content(std::string_view data, std::string_view filename) {
  ContentType t;
  t.mime =
      magic_mime(data.substr(0, std::min<size_t>(data.size(), AttachmentLimits{}.max_magic_bytes)));
  for (const auto& row : kMimeTable) {
    if (row.mime == t.mime) {
      t.kind = row.kind;
      t.label = std::string(row.label);
      break;
    }
  }
  if (t.label.empty()) {
    if (starts_with(t.mime, "application/vnd.openxmlformats-officedocument.") ||
        starts_with(t.mime, "application/vnd.oasis.opendocument.") ||
        (starts_with(t.mime, "application/vnd.ms-") &&
         t.mime.find("macroenabled") != std::string::npos) ||
        (starts_with(t.mime, "application/vnd.ms-") &&
         t.mime.find("macroEnabled") != std::string::npos)) {
      t.kind = FileKind::kDocument;
      t.label = "an Office document";
    } else if (starts_with(t.mime, "image/")) {
      t.kind = FileKind::kImage;
      t.label = "an image";
    } else if (starts_with(t.mime, "text/") || t.mime == "application/x-empty" ||
               t.mime == "application/json" || t.mime == "application/xml" ||
               t.mime == "application/pgp-signature") {
      t.kind = FileKind::kText;
      t.label = "a text file";
    }
  }
  // What the `file` database of Debian 12 does not know (MS-VHDX 2.2.1, VHD footer).
  if (starts_with(data, "vhdxfile")) {
    t = {"application/x-vhdx", FileKind::kDiskImage, "a virtual hard disk (VHDX)", false};
  } else if (data.size() >= 512 && data.substr(data.size() - 512, 8) == "conectix") {
    t = {"application/x-vhd", FileKind::kDiskImage, "a virtual hard disk (VHD)", false};
  }
  if (t.kind == FileKind::kHtml &&
      ifind(data.substr(0, 64u << 10), "<hta:application") != std::string_view::npos) {
    t.kind = FileKind::kScript;
    t.label = "an HTML application (HTA)";
    return t;
  }
  // Scripts and text shortcuts are plain text: only the name says what Windows will do with it.
  std::string ext = file_extension(filename);
  bool textual = t.kind == FileKind::kText || t.kind == FileKind::kHtml ||
                 t.mime == "application/x-wine-extension-ini";
  if (textual) {
    if (const auto* r = find_ext(kScriptExts, ext)) {
      t.kind = FileKind::kScript;
      t.label = std::string(r->label);
      t.from_name = true;
    } else if (const auto* s = find_ext(kShortcutExts, ext); s != nullptr && ext != "lnk") {
      t.kind = FileKind::kShortcut;
      t.label = std::string(s->label);
      t.from_name = true;
    }
  } else if (t.kind == FileKind::kOther) {
    if (const auto* r = find_ext(kDiskExts, ext)) {
      t.kind = FileKind::kDiskImage;
      t.label = std::string(r->label);
      t.from_name = true;
    }
  }
  return t;
}

AttachmentScan inspect_attachment(const Attachment& a, const AttachmentLimits& limits) {
  AttachmentScan s;
  s.filename = a.filename;
  s.declared_type = to_lower(a.content_type);
  std::string_view data = a.data;
  s.type = sniff_content(data.substr(0, std::min(data.size(), limits.max_magic_bytes)), a.filename);
  // The VHD footer sits at the very end: look at the real end when the head was cut.
  if (s.type.kind == FileKind::kOther && data.size() > limits.max_magic_bytes &&
      data.substr(data.size() - 512, 8) == "conectix") {
    s.type = {"application/x-vhd", FileKind::kDiskImage, "a virtual hard disk (VHD)", false};
  }
  if (a.size > a.data.size()) {
    s.notes.push_back("only the first " + std::to_string(a.data.size()) + " of " +
                      std::to_string(a.size) + " bytes were inspected");
  }
  if (s.type.kind == FileKind::kHtml || s.type.kind == FileKind::kSvg ||
      (s.type.kind == FileKind::kScript && s.type.label.find("HTA") != std::string::npos)) {
    if (data.size() > limits.max_html_scan_bytes) {
      s.notes.push_back("only the first " + human_bytes(limits.max_html_scan_bytes) +
                        " of the web page were searched");
    }
    s.html = html_traits(data.substr(0, std::min(data.size(), limits.max_html_scan_bytes)));
  }
  if (looks_like_container(s.type, data) && limits.max_archive_depth > 0) {
    ListCtx ctx{limits, s};
    inspect_container(data, s.type, a.filename, 0, ctx, true, s.macros, s.macro_evidence);
  }
  // An OOXML file libmagic did not recognise (its parts in another order) is a document, not
  // an archive: its parts are not "files inside" and its name is not a lie.
  if (s.type.kind == FileKind::kArchive &&
      std::any_of(s.entries.begin(), s.entries.end(), [](const ArchiveEntry& e) {
        return e.container.empty() && e.name == "[Content_Types].xml";
      })) {
    s.type = {s.type.mime, FileKind::kDocument, "an Office document", false};
    s.entries.clear();
  }
  if (s.declared_unpacked > limits.bomb_declared_bytes &&
      s.declared_unpacked / std::max<uint64_t>(1, data.size()) > limits.bomb_ratio) {
    s.bomb = true;
  }
  return s;
}

std::vector<Reason> attachment_reasons(const AttachmentScan& s, const AttachmentPoints& p) {
  std::vector<Reason> out;
  const std::string name = quoted(s.filename);
  const std::string claim = what_name_claims(s);
  const std::string not_claim =
      (!claim.empty() && strip_article(claim) != strip_article(s.type.label)) ? ", not " + claim
                                                                              : "";
  const FileKind k = s.type.kind;
  FollowUp block_programs{Party::kOrganization,
                          "Block executable, script and shortcut attachments (.exe, .scr, .js, "
                          ".vbs, .lnk, ...) at the mail gateway, also inside archives."};

  if (k == FileKind::kExecutable && p.executable > 0) {
    out.push_back({"attachment_executable",
                   p.executable,
                   "The attachment " + name + " is " + s.type.label + not_claim +
                       ": opening it runs it, and it can do anything you can do on your computer.",
                   {dont_open(s.filename), block_programs}});
  }
  if (k == FileKind::kScript && p.script > 0) {
    out.push_back({"attachment_script",
                   p.script,
                   "The attachment " + name + " is " + s.type.label + not_claim +
                       ": Windows runs it with a double-click, and scripts like this are used to "
                       "download and install malware.",
                   {dont_open(s.filename), block_programs}});
  }
  if (k == FileKind::kShortcut && p.shortcut > 0) {
    out.push_back({"attachment_shortcut",
                   p.shortcut,
                   "The attachment " + name + " is " + s.type.label + not_claim +
                       ": opening it can start a program or a hidden command; real documents are "
                       "not sent as shortcuts.",
                   {dont_open(s.filename), block_programs}});
  }
  if (k == FileKind::kDiskImage && p.disk_image > 0) {
    out.push_back(
        {"attachment_disk_image",
         p.disk_image,
         "The attachment " + name + " is " + s.type.label + not_claim +
             ": Windows opens it like a USB stick with a double-click, and the files inside skip "
             "the \"downloaded from the Internet\" warning. It is a common way to deliver malware.",
         {dont_open(s.filename),
          {Party::kOrganization,
           "Block disk-image attachments (.iso, .img, .vhd, .vhdx) at the mail gateway."}}});
  }
  if (k == FileKind::kHtml || k == FileKind::kSvg) {
    const HtmlTraits& h = s.html;
    bool credential = h.password || (h.form && (h.script || h.redirect || h.obfuscation));
    bool active = h.form || h.script || h.redirect || h.obfuscation || h.foreign_object;
    std::vector<std::string> what;
    if (h.password) {
      what.emplace_back("a password field");
    }
    if (h.form) {
      what.emplace_back("a form that sends what you type");
    }
    if (h.redirect) {
      what.emplace_back("code that sends your browser to another site");
    }
    if (h.obfuscation) {
      what.emplace_back("deliberately hidden (obfuscated) code");
    }
    if (h.script && !h.redirect && !h.obfuscation) {
      what.emplace_back("a script");
    }
    if (h.foreign_object) {
      what.emplace_back("a web page hidden inside the image");
    }
    std::string list;
    for (size_t i = 0; i < what.size(); ++i) {
      list += (i == 0 ? "" : (i + 1 == what.size() ? " and " : ", ")) + what[i];
    }
    int pts = credential ? p.html_credential
              : active   ? p.html_active
                         : (k == FileKind::kHtml ? p.html_plain : 0);
    std::string text;
    if (credential) {
      text = "The attachment " + name + " is " + s.type.label + " with " + list +
             ": opening it shows a fake sign-in page that works without any website and sends "
             "your password to someone else. Real companies do not send sign-in pages as "
             "attachments.";
    } else if (active) {
      text = "The attachment " + name + " is " + s.type.label + " with " + list +
             ": opening it in a browser can run code or take you to a fake page.";
    } else {
      text = "The attachment " + name + " is " + s.type.label +
             ": web pages sent as attachments are a common way to show a fake sign-in page.";
    }
    if (pts > 0) {
      std::vector<FollowUp> f{dont_open(s.filename)};
      if (active) {
        f.push_back({Party::kOrganization,
                     "Quarantine HTML and SVG attachments that carry forms or scripts at the mail "
                     "gateway."});
      }
      out.push_back({"attachment_html", pts, text, std::move(f)});
    }
  }
  if (s.macros && p.macro > 0) {
    out.push_back(
        {"attachment_macro",
         p.macro,
         "The attachment " + name + " is an Office document with macros (" +
             printable_name(s.macro_evidence) +
             "): if you click \"Enable content\", the macros run with your rights. This is one of "
             "the most common ways malware gets in.",
         {dont_open(s.filename),
          {Party::kOrganization,
           "Block macros in Office files from the Internet (Microsoft's \"Block macros from "
           "running in Office files from the Internet\" policy) and quarantine macro documents "
           "at the mail gateway."}}});
  }
  if (s.encrypted && p.archive_encrypted > 0) {
    std::string what = s.encrypted_document ? "a password-protected Office document"
                                            : "a password-protected archive";
    out.push_back(
        {"archive_encrypted",
         p.archive_encrypted,
         "The attachment " + name + " is " + what +
             ": mail scanners cannot look inside, which is why attackers send malware this way "
             "and put the password in the message.",
         {{Party::kRecipient, "Do not open " + name +
                                  " or type the password from the message; ask the sender by "
                                  "phone whether they really sent it."},
          {Party::kMailAdmin,
           "Quarantine password-protected attachments the gateway cannot scan, released only on "
           "request."}}});
  }
  // Dangerous entries inside archives and disk images (one nested level).
  EntrySummary bad;
  for (const auto& e : s.entries) {
    if (dangerous_kind(e.type.kind) || e.macros) {
      if (bad.first == nullptr) {
        bad.first = &e;
      }
      ++bad.count;
    }
  }
  if (bad.first != nullptr && p.archive_dangerous > 0) {
    const ArchiveEntry& e = *bad.first;
    std::string what = e.macros ? std::string("an Office document with macros")
                                : e.type.label + (e.sniffed ? "" : " (judged by its name)");
    std::string where = e.container.empty() ? "" : " (inside " + quoted(e.container) + ")";
    std::string more = bad.count > 1 ? " and " + std::to_string(bad.count - 1) +
                                           " more dangerous file" + (bad.count > 2 ? "s" : "")
                                     : "";
    std::string locked = e.encrypted ? ", password-protected so scanners cannot check it" : "";
    out.push_back({"archive_dangerous",
                   p.archive_dangerous,
                   "The attachment " + name + " contains " + quoted(e.name) + where + ", " + what +
                       locked + more +
                       ": opening it can run it. Programs and scripts are hidden in archives to "
                       "get past mail filters.",
                   {dont_open(s.filename), block_programs}});
  }
  if (s.bomb && p.archive_bomb > 0) {
    out.push_back({"archive_bomb",
                   p.archive_bomb,
                   "The attachment " + name + " claims to unpack to " +
                       human_bytes(s.declared_unpacked) +
                       ": an archive \"bomb\" made to overwhelm virus scanners.",
                   {dont_open(s.filename),
                    {Party::kMailAdmin,
                     "Check that the mail scanner limits archive unpacking (size, ratio, depth) "
                     "and quarantines archives it could not finish."}}});
  }
  // The name: double extensions, name vs content, bidi tricks.
  std::string ext = file_extension(s.filename);
  auto [name_kind, name_label] = kind_by_name(ext);
  bool dangerous_name =
      dangerous_kind(name_kind) || name_kind == FileKind::kHtml || name_kind == FileKind::kSvg;
  if (dangerous_name && p.double_extension > 0) {
    std::string stem = s.filename.substr(
        0, s.filename.rfind('.') == std::string::npos ? 0 : s.filename.rfind('.'));
    size_t pad = 0;
    while (!stem.empty() && (stem.back() == ' ' || stem.back() == '_' || stem.back() == '\t')) {
      stem.pop_back();
      ++pad;
    }
    std::string decoy = file_extension(stem);
    if (find_ext(kDecoyExts, decoy) != nullptr) {
      out.push_back(
          {"double_extension",
           p.double_extension,
           "The attachment's name " + name + " ends in \"." + ext + "\" after a fake \"." + decoy +
               "\"" + (pad >= 3 ? " and a run of spaces" : "") +
               ": Windows hides the real ending, so it looks like " + quoted(stem) +
               ". That trick only makes sense to disguise " + std::string(name_label) + ".",
           {dont_open(s.filename), block_programs}});
    }
  }
  bool active_content =
      !s.type.from_name && (dangerous_kind(k) || k == FileKind::kHtml || k == FileKind::kArchive);
  if (active_content && !claim.empty() && !not_claim.empty() && p.name_mismatch > 0 &&
      !(dangerous_name && name_kind == k)) {
    out.push_back({"name_mismatch",
                   p.name_mismatch,
                   "The attachment " + name + " is presented as " + claim +
                       ", but its content is " + s.type.label +
                       ": the name or type was chosen to mislead you.",
                   {dont_open(s.filename)}});
  }
  if (has_bidi_control(s.filename) && p.rtl_override > 0) {
    out.push_back({"rtl_override",
                   p.rtl_override,
                   "The attachment's name " + name +
                       " contains an invisible text-direction "
                       "character, so it is displayed as " +
                       quoted(displayed_name(s.filename)) + " while its real ending is \"." + ext +
                       "\". This trick exists only to "
                       "disguise a file's type.",
                   {dont_open(s.filename),
                    {Party::kOrganization,
                     "Reject attachments whose names contain right-to-left override (U+202E) "
                     "characters at the mail gateway."}}});
  }
  return out;
}

std::vector<Reason> analyze_attachments(const std::vector<Attachment>& attachments,
                                        const AttachmentOptions& options,
                                        std::vector<std::string>& notes) {
  std::vector<Reason> out;
  for (const auto& a : attachments) {
    AttachmentScan scan = inspect_attachment(a, options.limits);
    for (auto& n : scan.notes) {
      notes.push_back("attachment " + quoted(a.filename) + ": " + n);
    }
    for (auto& r : attachment_reasons(scan, options.points)) {
      // The same detector on several attachments counts once (the strongest); the others stay
      // listed with 0 points.
      auto same = std::find_if(out.begin(), out.end(), [&](const Reason& o) {
        return o.detector == r.detector && o.points > 0;
      });
      if (same != out.end()) {
        if (r.points > same->points) {
          std::swap(*same, r);
        }
        r.points = 0;
      }
      out.push_back(std::move(r));
    }
  }
  return out;
}

}  // namespace sw::phish

// SPDX-License-Identifier: Apache-2.0
// Attachments judged by what they ARE, not by what they are called. libmagic (the `file`
// command's library, default database) names the content type of the decoded bytes; libarchive
// lists zip / rar / 7z / tar / gzip / cab / ISO 9660 containers (and the OOXML zip of an Office
// file) without extracting more than a stated budget. Written here by hand, because no installed
// library does it:
//  - the Compound File Binary (OLE2, MS-CFB) directory walk that finds the VBA storage of a
//    .doc/.xls/.ppt: libgsf (Debian libgsf-1-dev) could read it, but it is not a dependency of
//    shieldwall and we need only the directory's entry names, a bounded ~100-line walk;
//  - the VHDX signature ("vhdxfile") and the fixed-VHD footer ("conectix" in the last 512
//    bytes), which the `file` database of Debian 12 does not know;
//  - the file-name checks (double extensions, right-to-left override, name vs content) and the
//    token checks on HTML/SVG attachments (form, password input, script, redirect, atob/eval
//    obfuscation): a case-insensitive byte search, because an attachment is never rendered and
//    only the presence of these tokens matters.
//
// The detectors (id: what fires it):
//  attachment_executable  a program: PE (.exe/.dll/.scr), ELF, Mach-O, MSI, Java .jar, .chm
//  attachment_script      a script Windows runs on a double-click: JavaScript, VBScript, WSF,
//                         PowerShell, batch/cmd, HTA, registry file (content, or the name when
//                         the content is plain text, because scripts are plain text)
//  attachment_shortcut    a Windows shortcut (.lnk by content), .url/.website/.scf shortcuts
//  attachment_disk_image  ISO, IMG, VHD, VHDX: Windows opens them as a drive with a double-click,
//                         and files inside lose the "downloaded from the Internet" warning
//  attachment_html        an HTML page or an SVG image carrying a form, a password field, a
//                         script, a redirect or obfuscated code (a fake login page that works
//                         offline); a plain HTML attachment scores little, a plain SVG nothing
//  attachment_macro       an Office document with macros (OOXML vbaProject.bin or Excel 4
//                         macro sheets; OLE2 VBA / _VBA_PROJECT / Macros storage)
//  archive_encrypted      a password-protected archive: scanners cannot look inside
//  archive_dangerous      any of the above inside an archive or disk image (one nested level)
//  archive_bomb           an archive that claims to unpack to far more than it is (zip bomb)
//  double_extension       "invoice.pdf.exe", "scan.pdf     .js": a harmless-looking extension
//                         in front of a dangerous one
//  name_mismatch          the name or declared type says PDF/image/document, the content is a
//                         program, script, shortcut, web page, disk image or archive
//  rtl_override           a right-to-left override (U+202E) or other bidi control in the name:
//                         "invoice<U+202E>fdp.exe" is displayed as "invoiceexe.pdf"
//
// Thread-safety: every function may be called from several threads at once; each thread keeps
// its own libmagic handle (loaded once per thread from the default database).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "phish/message.h"
#include "phish/reason.h"

namespace sw::phish {

// What a file is, by content (and, for plain text only, by name).
enum class FileKind {
  kOther,       // unknown binary or nothing to say
  kText,        // plain text, patches, signatures, calendar files
  kDocument,    // PDF, RTF, Office without macros, OpenDocument
  kImage,       // raster images (SVG is kSvg)
  kArchive,     // zip, rar, 7z, tar, gzip, bzip2, xz, cab, ...
  kExecutable,  // PE, ELF, Mach-O, MSI, Java archive, compiled HTML help
  kScript,      // JavaScript, VBScript, WSF, PowerShell, batch, HTA, .reg
  kShortcut,    // .lnk, .url, .website, .scf
  kDiskImage,   // ISO, IMG, VHD, VHDX
  kHtml,        // text/html
  kSvg,         // image/svg+xml
};

std::string_view file_kind_name(FileKind k);

struct ContentType {
  std::string mime;  // libmagic's MIME type of the content ("application/zip")
  FileKind kind = FileKind::kOther;
  std::string label;       // plain words: "a Windows program", "a JavaScript file"
  bool from_name = false;  // the kind comes from the file name (plain-text scripts, shortcuts)
};

// The content type of `data`, with `filename` consulted only where the content cannot tell:
// plain text named .js/.vbs/.ps1/.bat/... is a script; unknown binary named .img is a disk
// image. Never fails ("application/octet-stream", kOther when libmagic cannot load).
ContentType sniff_content(std::string_view data, std::string_view filename = {});

// Bounds on hostile input; each one that is hit leaves a note.
struct AttachmentLimits {
  size_t max_magic_bytes = 1u << 20;            // bytes of an attachment/entry given to libmagic
  size_t max_entries = 1000;                    // archive entries listed (all levels together)
  size_t max_entry_sniff_bytes = 64u << 10;     // bytes decompressed per entry to sniff its type
  size_t max_nested_bytes = 8u << 20;           // a nested archive larger is not opened
  uint64_t max_decompressed_bytes = 32u << 20;  // per attachment, all entries together
  int max_archive_depth = 2;                    // the attachment + one nested archive level
  size_t max_html_scan_bytes = 2u << 20;        // bytes of an HTML/SVG searched for tokens
  size_t max_cfb_sectors = 4096;                // OLE2 directory/FAT sectors followed
  uint64_t bomb_declared_bytes = 1ull << 30;    // declared unpacked total that, together with
  uint64_t bomb_ratio = 100;                    // this ratio to the packed size, makes a bomb
};

struct ArchiveEntry {
  std::string name;       // path inside the archive, as stored (UTF-8 when libarchive can)
  std::string container;  // "" for the attachment itself, else the nested archive's name
  int64_t size = -1;      // declared unpacked size, -1 when unknown
  bool encrypted = false;
  bool sniffed = false;  // content was read (not encrypted, within budget)
  bool macros = false;   // an Office document with macros (checked when read whole)
  ContentType type;      // by content when sniffed, else by name (kOther when neither)
};

struct HtmlTraits {
  bool form = false;            // <form
  bool password = false;        // an input of type password
  bool script = false;          // <script, an on*= event handler or a javascript: URL
  bool redirect = false;        // window.location / location.href / .replace / meta refresh
  bool obfuscation = false;     // atob( / unescape( / eval( / String.fromCharCode / document.write
  bool foreign_object = false;  // SVG <foreignObject> (HTML inside an image)
};

struct AttachmentScan {
  std::string filename;             // as in the message
  std::string declared_type;        // as in the message (lower-cased)
  ContentType type;                 // by content
  HtmlTraits html;                  // for kHtml / kSvg
  bool macros = false;              // Office document with VBA / Excel 4 macros
  std::string macro_evidence;       // "word/vbaProject.bin", "OLE storage VBA"
  bool archive_listed = false;      // libarchive opened it (archives, disk images, OOXML)
  bool encrypted = false;           // some entry (or the header) is password-protected
  bool encrypted_document = false;  // a password-protected Office file (OLE EncryptedPackage)
  std::vector<ArchiveEntry> entries;
  uint64_t declared_unpacked = 0;  // sum of the declared entry sizes
  bool bomb = false;
  std::vector<std::string> notes;  // limits hit, unreadable parts
};

// Inspects one attachment: content type, HTML traits, macros, archive listing. Never fails;
// what could not be read is in `notes`.
AttachmentScan inspect_attachment(const Attachment& a, const AttachmentLimits& limits = {});

// Points each detector adds when it fires (0 disables it).
struct AttachmentPoints {
  int executable = 80;
  int script = 70;
  int shortcut = 70;
  int disk_image = 45;
  int html_plain = 15;       // an HTML attachment with none of the traits below
  int html_active = 55;      // HTML/SVG with a form, password input, script, redirect, obfuscation
  int html_credential = 70;  // ... with a password input or a form + script/redirect
  int macro = 60;
  int archive_encrypted = 35;
  int archive_dangerous = 70;  // dangerous entry (executable/script/shortcut/disk image/macro)
  int archive_bomb = 20;
  int double_extension = 30;
  int name_mismatch = 30;
  int rtl_override = 60;
};

struct AttachmentOptions {
  AttachmentPoints points;
  AttachmentLimits limits;
};

// The detectors on an inspected attachment: at most one reason per detector id.
std::vector<Reason> attachment_reasons(const AttachmentScan& scan,
                                       const AttachmentPoints& points = {});

// inspect_attachment() + attachment_reasons() over all attachments of a message; the notes of
// each inspection are appended to `notes` (prefixed with the attachment's name).
std::vector<Reason> analyze_attachments(const std::vector<Attachment>& attachments,
                                        const AttachmentOptions& options,
                                        std::vector<std::string>& notes);

// File-name helpers (exposed for tests and the lead's other detectors).
// The extension after the last '.', lower-cased, trailing spaces/dots dropped ("" when none).
std::string file_extension(std::string_view filename);
// The name as Windows Explorer shows it with bidi controls applied (approximation: the text
// after a U+202E is reversed, all bidi controls removed). Equal to the input when it has none.
std::string displayed_name(std::string_view filename);
// True when `filename` holds a bidi control character (U+202A..U+202E, U+2066..U+2069,
// U+200E/U+200F, U+061C).
bool has_bidi_control(std::string_view filename);

}  // namespace sw::phish

// SPDX-License-Identifier: Apache-2.0
// Attachments by content (libmagic), archives (libarchive), OLE2 macros (hand walk), names.
// Fixtures are built here: tiny program headers by hand, archives with libarchive's writer, an
// OLE2 (Compound File) directory by hand.
#include "phish/attachment.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <archive.h>
#include <archive_entry.h>

#include <gtest/gtest.h>

namespace sw::phish {
namespace {

// ---- fixtures -----------------------------------------------------------------------------

void put16(std::string& s, size_t off, uint16_t v) {
  s[off] = static_cast<char>(v & 0xff);
  s[off + 1] = static_cast<char>(v >> 8);
}
void put32(std::string& s, size_t off, uint32_t v) {
  for (size_t i = 0; i < 4; ++i) s[off + i] = static_cast<char>((v >> (8 * i)) & 0xff);
}

// The smallest PE header libmagic recognises (MZ stub + "PE\0\0" + COFF + optional header magic).
std::string pe_bytes() {
  std::string pe(512, '\0');
  pe[0] = 'M';
  pe[1] = 'Z';
  put32(pe, 0x3c, 0x80);
  pe.replace(0x80, 4, std::string("PE\0\0", 4));
  put16(pe, 0x84, 0x14c);  // i386
  put16(pe, 0x86, 1);      // sections
  put16(pe, 0x94, 0xe0);   // optional header size
  put16(pe, 0x96, 0x102);  // executable image
  put16(pe, 0x98, 0x10b);  // PE32
  return pe;
}

std::string elf_bytes() {
  std::string elf(64, '\0');
  elf.replace(0, 7,
              "\x7f"
              "ELF\x02\x01\x01");
  put16(elf, 16, 2);     // ET_EXEC
  put16(elf, 18, 0x3e);  // x86-64
  put32(elf, 20, 1);
  return elf;
}

std::string lnk_bytes() {
  std::string lnk("\x4c\0\0\0\x01\x14\x02\0\0\0\0\0\xc0\0\0\0\0\0\0\x46", 20);
  lnk.append(56, '\0');
  return lnk;
}

struct ArchiveFile {
  std::string name;
  std::string data;
};

// An archive written by libarchive in memory: format "zip", "ustar", "7zip", "iso9660"; filter
// "gzip" or ""; a passphrase encrypts zip entries (traditional PKWARE encryption).
std::string make_archive(const std::vector<ArchiveFile>& files, const std::string& format,
                         const std::string& filter = "", const std::string& passphrase = "") {
  archive* a = archive_write_new();
  EXPECT_EQ(archive_write_set_format_by_name(a, format.c_str()), ARCHIVE_OK) << format;
  if (!filter.empty()) {
    EXPECT_EQ(archive_write_add_filter_by_name(a, filter.c_str()), ARCHIVE_OK) << filter;
  }
  if (!passphrase.empty()) {
    archive_write_set_options(a, "zip:encryption=zipcrypt");
    archive_write_set_passphrase(a, passphrase.c_str());
  }
  std::string out(4u << 20, '\0');
  size_t used = 0;
  archive_write_set_bytes_in_last_block(a, 1);
  archive_write_open_memory(a, out.data(), out.size(), &used);
  for (const auto& f : files) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, f.name.c_str());
    archive_entry_set_size(e, static_cast<la_int64_t>(f.data.size()));
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_write_header(a, e);
    archive_write_data(a, f.data.data(), f.data.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
  out.resize(used);
  return out;
}

// A Compound File (OLE2, MS-CFB v3) with one FAT sector and one directory sector holding a root
// entry and up to three storages/streams (name, type 1 = storage, 2 = stream), chained as
// children of the root.
std::string make_cfb(const std::vector<std::pair<std::string, int>>& entries) {
  std::string f(512 * 3, '\0');
  f.replace(0, 8, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
  put16(f, 0x18, 0x3E);
  put16(f, 0x1A, 3);
  put16(f, 0x1C, 0xFFFE);
  put16(f, 0x1E, 9);  // 512-byte sectors
  put16(f, 0x20, 6);
  put32(f, 0x2C, 1);  // one FAT sector
  put32(f, 0x30, 1);  // directory starts at sector 1
  put32(f, 0x38, 4096);
  put32(f, 0x3C, 0xFFFFFFFE);
  put32(f, 0x44, 0xFFFFFFFE);
  put32(f, 0x4C, 0);  // FAT at sector 0
  for (size_t i = 1; i < 109; ++i) put32(f, 0x4C + 4 * i, 0xFFFFFFFF);
  // FAT (sector 0 at offset 512): sector 0 = FAT, sector 1 = end of the directory chain.
  for (size_t i = 0; i < 128; ++i) put32(f, 512 + 4 * i, 0xFFFFFFFF);
  put32(f, 512, 0xFFFFFFFD);
  put32(f, 516, 0xFFFFFFFE);
  auto dir_entry = [&](size_t idx, const std::string& name, int type, uint32_t child,
                       uint32_t right) {
    size_t off = 1024 + idx * 128;
    for (size_t i = 0; i < name.size(); ++i) put16(f, off + 2 * i, static_cast<uint8_t>(name[i]));
    put16(f, off + 64, static_cast<uint16_t>(2 * (name.size() + 1)));
    f[off + 66] = static_cast<char>(type);
    f[off + 67] = 1;  // black
    put32(f, off + 68, 0xFFFFFFFF);
    put32(f, off + 72, right);
    put32(f, off + 76, child);
    put32(f, off + 116, 0xFFFFFFFE);
  };
  dir_entry(0, "Root Entry", 5, entries.empty() ? 0xFFFFFFFF : 1, 0xFFFFFFFF);
  for (size_t i = 0; i < entries.size() && i < 3; ++i) {
    uint32_t right = i + 1 < entries.size() ? static_cast<uint32_t>(i + 2) : 0xFFFFFFFF;
    dir_entry(i + 1, entries[i].first, entries[i].second, 0xFFFFFFFF, right);
  }
  return f;
}

Attachment att(std::string name, std::string data, std::string declared = "") {
  Attachment a;
  a.filename = std::move(name);
  a.content_type = std::move(declared);
  a.disposition = "attachment";
  a.size = data.size();
  a.data = std::move(data);
  return a;
}

std::vector<Reason> reasons_of(const Attachment& a, const AttachmentLimits& limits = {}) {
  return attachment_reasons(inspect_attachment(a, limits));
}

const Reason* find(const std::vector<Reason>& rs, const std::string& id) {
  auto it = std::find_if(rs.begin(), rs.end(), [&](const Reason& r) { return r.detector == id; });
  return it == rs.end() ? nullptr : &*it;
}

std::vector<std::string> ids(const std::vector<Reason>& rs) {
  std::vector<std::string> out;
  for (const auto& r : rs) out.push_back(r.detector);
  std::sort(out.begin(), out.end());
  return out;
}

bool has_party(const Reason& r, Party p) {
  return std::any_of(r.follow_ups.begin(), r.follow_ups.end(),
                     [&](const FollowUp& f) { return f.party == p; });
}

bool has_note(const AttachmentScan& s, const std::string& part) {
  return std::any_of(s.notes.begin(), s.notes.end(),
                     [&](const std::string& n) { return n.find(part) != std::string::npos; });
}

using Ids = std::vector<std::string>;

// ---- content types ------------------------------------------------------------------------

TEST(AttachmentSniff, ProgramsByContent) {
  auto pe = sniff_content(pe_bytes(), "whatever.txt");
  EXPECT_EQ(pe.mime, "application/vnd.microsoft.portable-executable");
  EXPECT_EQ(pe.kind, FileKind::kExecutable);
  EXPECT_EQ(pe.label, "a Windows program");
  EXPECT_FALSE(pe.from_name);
  auto elf = sniff_content(elf_bytes());
  EXPECT_EQ(elf.kind, FileKind::kExecutable);
  EXPECT_EQ(elf.label, "a Linux program");
  auto lnk = sniff_content(lnk_bytes());
  EXPECT_EQ(lnk.mime, "application/x-ms-shortcut");
  EXPECT_EQ(lnk.kind, FileKind::kShortcut);
}

TEST(AttachmentSniff, ScriptsAreTextSoTheNameDecides) {
  std::string js = "var s = WScript.CreateObject(\"WScript.Shell\"); s.Run(\"cmd\");\n";
  auto as_js = sniff_content(js, "payment.js");
  EXPECT_EQ(as_js.kind, FileKind::kScript);
  EXPECT_EQ(as_js.label, "a JavaScript file");
  EXPECT_TRUE(as_js.from_name);
  EXPECT_EQ(sniff_content(js, "notes.txt").kind, FileKind::kText);
  EXPECT_EQ(sniff_content("@echo off\r\nstart calc\r\n", "x.txt").kind, FileKind::kScript);
  auto hta = sniff_content("<html><head><HTA:APPLICATION id=\"x\"></head><body></body></html>");
  EXPECT_EQ(hta.kind, FileKind::kScript);
  EXPECT_EQ(hta.label, "an HTML application (HTA)");
  EXPECT_EQ(sniff_content("[InternetShortcut]\r\nURL=file://10.0.0.1/x.exe\r\n", "a.url").kind,
            FileKind::kShortcut);
}

TEST(AttachmentSniff, DiskImages) {
  std::string iso(0x8800, '\0');
  iso[0x8000] = 1;
  iso.replace(0x8001, 5, "CD001");
  iso[0x8006] = 1;
  EXPECT_EQ(sniff_content(iso).kind, FileKind::kDiskImage);
  auto vhdx = sniff_content("vhdxfile" + std::string(600, '\0'));
  EXPECT_EQ(vhdx.kind, FileKind::kDiskImage);
  EXPECT_EQ(vhdx.label, "a virtual hard disk (VHDX)");
  std::string fixed_vhd(1024, '\x01');
  fixed_vhd += "conectix" + std::string(504, '\0');
  EXPECT_EQ(sniff_content(fixed_vhd).mime, "application/x-vhd");
  std::string binary;
  for (int i = 0; i < 512; ++i) binary += std::string("\x00\xff\x10\x80", 4);
  EXPECT_EQ(sniff_content(binary, "disk.img").kind, FileKind::kDiskImage);
  EXPECT_EQ(sniff_content(binary, "disk.bin").kind, FileKind::kOther);
}

TEST(AttachmentSniff, FileNames) {
  EXPECT_EQ(file_extension("Invoice.PDF"), "pdf");
  EXPECT_EQ(file_extension("backup.tar.gz"), "gz");
  EXPECT_EQ(file_extension("scan.pdf      .js  "), "js");
  EXPECT_EQ(file_extension("trailing.exe..."), "exe");
  EXPECT_EQ(file_extension("README"), "");
  EXPECT_EQ(file_extension("dir.d/file"), "");
  EXPECT_EQ(file_extension("C:\\x\\run.CMD"), "cmd");
  std::string rlo =
      "invoice\xE2\x80\xAE"
      "fdp.exe";
  EXPECT_TRUE(has_bidi_control(rlo));
  EXPECT_FALSE(has_bidi_control("invoice.pdf"));
  EXPECT_FALSE(has_bidi_control("Überweisung – März.pdf"));
  EXPECT_EQ(displayed_name(rlo), "invoiceexe.pdf");
  EXPECT_EQ(displayed_name("plain.pdf"), "plain.pdf");
}

// ---- single-file detectors ------------------------------------------------------------------

TEST(AttachmentDetectors, ExecutableBehindADoubleExtension) {
  auto rs = reasons_of(att("invoice.pdf.exe", pe_bytes(), "application/pdf"));
  EXPECT_EQ(ids(rs), (Ids{"attachment_executable", "double_extension"}));
  const Reason* exe = find(rs, "attachment_executable");
  ASSERT_NE(exe, nullptr);
  EXPECT_EQ(exe->points, 80);
  EXPECT_EQ(exe->text,
            "The attachment 'invoice.pdf.exe' is a Windows program, not a PDF: opening it runs "
            "it, and it can do anything you can do on your computer.");
  EXPECT_TRUE(has_party(*exe, Party::kRecipient));
  EXPECT_TRUE(has_party(*exe, Party::kOrganization));
  const Reason* dbl = find(rs, "double_extension");
  ASSERT_NE(dbl, nullptr);
  EXPECT_EQ(dbl->points, 30);
  EXPECT_NE(dbl->text.find("ends in \".exe\" after a fake \".pdf\""), std::string::npos);
}

TEST(AttachmentDetectors, ProgramNamedLikeAPdf) {
  auto rs = reasons_of(att("Invoice 2291.pdf", pe_bytes(), "application/pdf"));
  EXPECT_EQ(ids(rs), (Ids{"attachment_executable", "name_mismatch"}));
  const Reason* m = find(rs, "name_mismatch");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->text,
            "The attachment 'Invoice 2291.pdf' is presented as a PDF, but its content is a "
            "Windows program: the name or type was chosen to mislead you.");
  // The declared type alone can be the claim.
  auto by_type = reasons_of(att("document", elf_bytes(), "image/jpeg"));
  EXPECT_EQ(ids(by_type), (Ids{"attachment_executable", "name_mismatch"}));
}

TEST(AttachmentDetectors, ScriptWithPaddedDoubleExtension) {
  auto rs = reasons_of(att("scan.pdf          .js", "WScript.Echo(1);\n", "text/plain"));
  EXPECT_EQ(ids(rs), (Ids{"attachment_script", "double_extension"}));
  EXPECT_EQ(find(rs, "attachment_script")->points, 70);
  EXPECT_NE(find(rs, "double_extension")->text.find("and a run of spaces"), std::string::npos);
}

TEST(AttachmentDetectors, RightToLeftOverride) {
  auto rs =
      reasons_of(att("invoice\xE2\x80\xAE"
                     "fdp.exe",
                     pe_bytes()));
  const Reason* r = find(rs, "rtl_override");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->points, 60);
  // The name is printed with the control made visible, never raw.
  EXPECT_NE(r->text.find("'invoice<U+202E>fdp.exe'"), std::string::npos);
  EXPECT_NE(r->text.find("displayed as 'invoiceexe.pdf'"), std::string::npos);
  EXPECT_NE(find(rs, "attachment_executable"), nullptr);
}

TEST(AttachmentDetectors, ShortcutsAndDiskImages) {
  EXPECT_EQ(ids(reasons_of(att("Document.lnk", lnk_bytes()))), (Ids{"attachment_shortcut"}));
  EXPECT_EQ(ids(reasons_of(att("open.url", "[InternetShortcut]\r\nURL=https://x.test/\r\n"))),
            (Ids{"attachment_shortcut"}));
  auto vhd = reasons_of(att("Invoice.vhdx", "vhdxfile" + std::string(600, '\0')));
  ASSERT_EQ(ids(vhd), (Ids{"attachment_disk_image"}));
  EXPECT_EQ(vhd[0].points, 45);
  EXPECT_NE(vhd[0].text.find("skip the \"downloaded from the Internet\" warning"),
            std::string::npos);
}

TEST(AttachmentDetectors, HtmlAttachments) {
  auto login = reasons_of(att("Secure_Message.html",
                              "<html><body><form action=\"https://x.test/p\">"
                              "<input type = 'PASSWORD' name=p></form></body></html>"));
  ASSERT_EQ(ids(login), (Ids{"attachment_html"}));
  EXPECT_EQ(login[0].points, 70);
  EXPECT_EQ(login[0].text,
            "The attachment 'Secure_Message.html' is a web page (HTML) with a password field and "
            "a form that sends what you type: opening it shows a fake sign-in page that works "
            "without any website and sends your password to someone else. Real companies do not "
            "send sign-in pages as attachments.");
  auto redirect = inspect_attachment(att(
      "fax.htm", "<html><script>window.location = atob('aHR0cHM6Ly94LnRlc3Q=')</script></html>"));
  EXPECT_TRUE(redirect.html.script);
  EXPECT_TRUE(redirect.html.redirect);
  EXPECT_TRUE(redirect.html.obfuscation);
  EXPECT_FALSE(redirect.html.form);
  EXPECT_EQ(attachment_reasons(redirect)[0].points, 55);
  auto plain = reasons_of(att("receipt.html", "<html><body><p>Thanks</p></body></html>"));
  ASSERT_EQ(ids(plain), (Ids{"attachment_html"}));
  EXPECT_EQ(plain[0].points, 15);
}

TEST(AttachmentDetectors, SvgOnlyWhenActive) {
  std::string svg_head = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\">";
  EXPECT_TRUE(reasons_of(att("logo.svg", svg_head + "<rect width=\"5\"/></svg>")).empty());
  auto rs = reasons_of(att("voicemail.svg", svg_head + "<script>alert(1)</script></svg>"));
  ASSERT_EQ(ids(rs), (Ids{"attachment_html"}));
  EXPECT_EQ(rs[0].points, 55);
  EXPECT_NE(rs[0].text.find("is an SVG image with a script"), std::string::npos);
  auto onload = inspect_attachment(att("a.svg", svg_head + "<image onload =\"go()\"/></svg>"));
  EXPECT_TRUE(onload.html.script);
}

TEST(AttachmentDetectors, HarmlessFilesSayNothing) {
  EXPECT_TRUE(reasons_of(att("notes.txt", "Meeting at 10.\n", "text/plain")).empty());
  EXPECT_TRUE(
      reasons_of(att("report.pdf", "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")).empty());
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0", 29);
  auto s = inspect_attachment(att("photo.jpg", png, "image/jpeg"));
  EXPECT_EQ(s.type.kind, FileKind::kImage);
  EXPECT_TRUE(attachment_reasons(s).empty());  // png called jpg: not a trick
}

// ---- Office macros --------------------------------------------------------------------------

TEST(AttachmentMacros, OoxmlWithVbaProject) {
  std::string docm = make_archive({{"[Content_Types].xml", "<Types/>"},
                                   {"word/document.xml", "<w:document/>"},
                                   {"word/vbaProject.bin", std::string(64, 'x')}},
                                  "zip");
  auto s = inspect_attachment(att("Order.docm", docm));
  EXPECT_TRUE(s.macros);
  EXPECT_EQ(s.macro_evidence, "word/vbaProject.bin");
  EXPECT_TRUE(s.entries.empty());  // the parts of a document are not archive entries
  auto rs = attachment_reasons(s);
  ASSERT_NE(find(rs, "attachment_macro"), nullptr);
  EXPECT_EQ(find(rs, "attachment_macro")->points, 60);
  EXPECT_EQ(find(rs, "archive_dangerous"), nullptr);

  // Parts in an order libmagic does not know: still a document, not an archive named .docx.
  std::string odd = make_archive({{"docProps/app.xml", "<Properties/>"},
                                  {"[Content_Types].xml", "<Types/>"},
                                  {"xl/vbaProject.bin", std::string(64, 'x')}},
                                 "zip");
  auto so = inspect_attachment(att("Budget.xlsm", odd));
  EXPECT_EQ(so.type.kind, FileKind::kDocument);
  EXPECT_TRUE(so.entries.empty());
  EXPECT_EQ(ids(attachment_reasons(so)), (Ids{"attachment_macro"}));
  EXPECT_TRUE(
      attachment_reasons(
          inspect_attachment(att("Budget.docx", make_archive({{"docProps/app.xml", "<Properties/>"},
                                                              {"[Content_Types].xml", "<Types/>"}},
                                                             "zip"))))
          .empty());

  std::string docx = make_archive(
      {{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<w:document/>"}}, "zip");
  EXPECT_FALSE(inspect_attachment(att("Order.docx", docx)).macros);
}

TEST(AttachmentMacros, OleVbaStorage) {
  auto s = inspect_attachment(att("Invoice.doc", make_cfb({{"WordDocument", 2}, {"Macros", 1}})));
  EXPECT_TRUE(s.macros);
  EXPECT_EQ(s.macro_evidence, "OLE storage Macros");
  auto xls = inspect_attachment(att("x.xls", make_cfb({{"Workbook", 2}, {"_VBA_PROJECT_CUR", 1}})));
  EXPECT_TRUE(xls.macros);
  auto clean = inspect_attachment(att("Clean.doc", make_cfb({{"WordDocument", 2}})));
  EXPECT_FALSE(clean.macros);
  EXPECT_TRUE(attachment_reasons(clean).empty());
  auto locked = inspect_attachment(
      att("Salary.xlsx", make_cfb({{"EncryptionInfo", 2}, {"EncryptedPackage", 2}})));
  EXPECT_TRUE(locked.encrypted_document);
  auto rs = attachment_reasons(locked);
  ASSERT_NE(find(rs, "archive_encrypted"), nullptr);
  EXPECT_NE(find(rs, "archive_encrypted")->text.find("a password-protected Office document"),
            std::string::npos);
}

TEST(AttachmentMacros, CutOleFileIsNoted) {
  std::string cfb = make_cfb({{"Macros", 1}});
  auto s = inspect_attachment(att("cut.doc", cfb.substr(0, 1100)));
  EXPECT_FALSE(s.macros);
  EXPECT_TRUE(has_note(s, "cut before its directory ends"));
}

// ---- archives -----------------------------------------------------------------------------

TEST(AttachmentArchives, ProgramInsideZip) {
  std::string zip = make_archive({{"readme.txt", "hello"}, {"Invoice.exe", pe_bytes()}}, "zip");
  auto s = inspect_attachment(att("Invoice.zip", zip));
  EXPECT_TRUE(s.archive_listed);
  ASSERT_EQ(s.entries.size(), 2u);
  EXPECT_EQ(s.entries[1].name, "Invoice.exe");
  EXPECT_TRUE(s.entries[1].sniffed);
  EXPECT_EQ(s.entries[1].type.kind, FileKind::kExecutable);
  EXPECT_EQ(s.entries[1].size, 512);
  auto rs = attachment_reasons(s);
  ASSERT_EQ(ids(rs), (Ids{"archive_dangerous"}));
  EXPECT_EQ(rs[0].points, 70);
  EXPECT_EQ(rs[0].text,
            "The attachment 'Invoice.zip' contains 'Invoice.exe', a Windows program: opening it "
            "can run it. Programs and scripts are hidden in archives to get past mail filters.");
}

TEST(AttachmentArchives, EncryptedZip) {
  std::string zip = make_archive({{"Invoice.js", "WScript.Echo(1);"}}, "zip", "", "1234");
  auto s = inspect_attachment(att("Invoice.zip", zip));
  EXPECT_TRUE(s.encrypted);
  ASSERT_EQ(s.entries.size(), 1u);
  EXPECT_TRUE(s.entries[0].encrypted);
  EXPECT_FALSE(s.entries[0].sniffed);
  EXPECT_EQ(s.entries[0].type.kind, FileKind::kScript);  // by name: the content is locked
  auto rs = attachment_reasons(s);
  EXPECT_EQ(ids(rs), (Ids{"archive_dangerous", "archive_encrypted"}));
  const Reason* enc = find(rs, "archive_encrypted");
  EXPECT_EQ(enc->points, 35);
  EXPECT_TRUE(has_party(*enc, Party::kMailAdmin));
  EXPECT_EQ(find(rs, "archive_dangerous")->text,
            "The attachment 'Invoice.zip' contains 'Invoice.js', a JavaScript file (judged by its "
            "name), password-protected so scanners cannot check it: opening it can run it. "
            "Programs and scripts are hidden in archives to get past mail filters.");
}

TEST(AttachmentArchives, NestedArchiveOneLevel) {
  std::string inner = make_archive({{"payload.vbs", "MsgBox 1\n"}}, "zip");
  std::string outer = make_archive({{"docs/inner.zip", inner}}, "zip");
  auto s = inspect_attachment(att("outer.zip", outer));
  ASSERT_EQ(s.entries.size(), 2u);
  EXPECT_EQ(s.entries[1].name, "payload.vbs");
  EXPECT_EQ(s.entries[1].container, "docs/inner.zip");
  auto rs = attachment_reasons(s);
  ASSERT_EQ(ids(rs), (Ids{"archive_dangerous"}));
  EXPECT_NE(rs[0].text.find("contains 'payload.vbs' (inside 'docs/inner.zip'), a VBScript file"),
            std::string::npos);
  // Two levels down is not opened (max_archive_depth = 2 counts the attachment itself).
  std::string outer2 = make_archive({{"outer.zip", outer}}, "zip");
  auto s2 = inspect_attachment(att("outer2.zip", outer2));
  EXPECT_EQ(s2.entries.size(), 2u);
  EXPECT_TRUE(attachment_reasons(s2).empty());
}

TEST(AttachmentArchives, TarGzAndDiskImageListing) {
  std::string tgz = make_archive({{"run.bat", "@echo off\r\nstart calc\r\n"}}, "ustar", "gzip");
  auto s = inspect_attachment(att("logs.tar.gz", tgz));
  EXPECT_EQ(s.type.kind, FileKind::kArchive);
  ASSERT_EQ(s.entries.size(), 1u);
  EXPECT_EQ(s.entries[0].type.kind, FileKind::kScript);
  std::string iso = make_archive({{"DOCUMENT.LNK", lnk_bytes()}}, "iso9660");
  auto si = inspect_attachment(att("Order.iso", iso));
  EXPECT_EQ(si.type.kind, FileKind::kDiskImage);
  auto rs = attachment_reasons(si);
  EXPECT_EQ(ids(rs), (Ids{"archive_dangerous", "attachment_disk_image"}));
}

TEST(AttachmentArchives, SevenZip) {
  std::string sz = make_archive({{"notes.txt", "hello"}, {"setup.exe", pe_bytes()}}, "7zip");
  auto s = inspect_attachment(att("files.7z", sz));
  EXPECT_EQ(s.type.mime, "application/x-7z-compressed");
  ASSERT_EQ(s.entries.size(), 2u);
  EXPECT_EQ(s.entries[1].type.kind, FileKind::kExecutable);
  EXPECT_EQ(ids(attachment_reasons(s)), (Ids{"archive_dangerous"}));
}

TEST(AttachmentArchives, LonelyGzip) {
  std::string gz = make_archive({{"x", "WScript.Echo(1);"}}, "raw", "gzip");
  auto s = inspect_attachment(att("invoice.js.gz", gz));
  ASSERT_EQ(s.entries.size(), 1u);
  EXPECT_EQ(s.entries[0].name, "invoice.js");
  EXPECT_EQ(s.entries[0].type.kind, FileKind::kScript);
}

TEST(AttachmentArchives, LimitsAreNotedNeverExceeded) {
  std::vector<ArchiveFile> many;
  for (int i = 0; i < 20; ++i) many.push_back({"f" + std::to_string(i) + ".txt", "x"});
  AttachmentLimits few;
  few.max_entries = 5;
  auto s = inspect_attachment(att("many.zip", make_archive(many, "zip")), few);
  EXPECT_EQ(s.entries.size(), 5u);
  EXPECT_TRUE(has_note(s, "stopped listing 'many.zip' after 5 entries (limit)"));

  // A compressed tar whose entries would need more decompression than the budget.
  std::string zeros(1u << 20, '\0');
  std::string tgz =
      make_archive({{"a.bin", zeros}, {"b.bin", zeros}, {"c.exe", pe_bytes()}}, "ustar", "gzip");
  AttachmentLimits small;
  small.max_decompressed_bytes = 1u << 20;
  auto t = inspect_attachment(att("big.tar.gz", tgz), small);
  EXPECT_LT(t.entries.size(), 3u);
  EXPECT_TRUE(has_note(t, "more than 1 MiB (limit)"));

  // Declared size far beyond the packed size: a bomb.
  AttachmentLimits bomb;
  bomb.bomb_declared_bytes = 1u << 20;
  bomb.bomb_ratio = 50;
  auto b = inspect_attachment(att("bomb.zip", make_archive({{"z", zeros + zeros}}, "zip")), bomb);
  EXPECT_TRUE(b.bomb);
  EXPECT_EQ(b.declared_unpacked, 2u << 20);
  EXPECT_NE(find(attachment_reasons(b), "archive_bomb"), nullptr);
}

TEST(AttachmentArchives, GarbageNamedZip) {
  auto s = inspect_attachment(att("x.zip", std::string("PK\x03\x04garbage", 11)));
  EXPECT_TRUE(s.entries.empty());
  EXPECT_TRUE(attachment_reasons(s).empty());
}

// ---- the message level ----------------------------------------------------------------------

TEST(AttachmentMessage, SameDetectorCountsOnce) {
  std::vector<Attachment> atts{att("a.txt", "hi"), att("one.exe", pe_bytes()),
                               att("two.scr", pe_bytes())};
  Attachment cut = att("big.pdf", "%PDF-1.4\n");
  cut.size = 50u << 20;
  atts.push_back(cut);
  std::vector<std::string> notes;
  auto rs = analyze_attachments(atts, AttachmentOptions{}, notes);
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_EQ(rs[0].detector, "attachment_executable");
  EXPECT_EQ(rs[0].points, 80);
  EXPECT_EQ(rs[1].points, 0);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0], "attachment 'big.pdf': only the first 9 of 52428800 bytes were inspected");
}

TEST(AttachmentMessage, PointsAreConfigurable) {
  AttachmentPoints p;
  p.executable = 0;
  EXPECT_TRUE(attachment_reasons(inspect_attachment(att("x.exe", pe_bytes())), p).empty());
}

}  // namespace
}  // namespace sw::phish

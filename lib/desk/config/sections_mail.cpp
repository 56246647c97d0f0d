// [mail]: the email channel.
#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "desk/config/sections.hpp"
#include "desk/core/error.hpp"
#include "desk/util/strings.hpp"

namespace desk::config {

namespace {

// local@domain, as desk compares them: one "@", something on each side,
// nothing a header could be broken with.
bool address_like(std::string_view a) {
  std::size_t at = a.find('@');
  if (at == 0 || at == std::string_view::npos || at + 1 == a.size() || a.size() > 254) return false;
  if (a.find('@', at + 1) != std::string_view::npos) return false;
  for (unsigned char ch : a)
    if (ch <= ' ' || ch == 0x7f || ch == '<' || ch == '>' || ch == ',' || ch == '"') return false;
  return true;
}

std::string address(const toml::node& n, const Reader& r, std::string_view what) {
  std::string a = r.string(n, what);
  if (!address_like(a))
    r.fail(n, fmt::format("{} {} is not a mail address", what, util::quoted(a)),
           "write it as local@domain, without a name or angle brackets");
  return a;
}

bool domain_like(std::string_view d) {
  if (d.empty() || d.size() > 253 || d.front() == '.' || d.back() == '.' || d.front() == '-')
    return false;
  for (char ch : d)
    if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
          ch == '.' || ch == '-'))
      return false;
  return d.find("..") == std::string_view::npos;
}

}  // namespace

std::vector<std::string> Mail::addresses() const {
  std::vector<std::string> all;
  if (!address.empty()) all.push_back(address);
  all.insert(all.end(), aliases.begin(), aliases.end());
  return all;
}

std::string Mail::message_domain() const {
  if (!domain.empty()) return domain;
  return address.substr(address.rfind('@') + 1);
}

void read_mail(Config& c, const toml::table& t, const Reader& r) {
  r.only_keys(t, "[mail]",
              {"address", "aliases", "domain", "subject_tag", "unknown_senders", "reopen_within",
               "max_message_size", "name", "sendmail", "envelope_sender", "send_attempts",
               "autoreply_interval", "templates"});
  Mail& m = c.mail;
  if (const auto* n = t.get("address")) m.address = address(*n, r, "address");
  if (const auto* n = t.get("aliases")) {
    const auto* list = n->as_array();
    if (list == nullptr) r.fail(*n, "aliases must be a list of addresses");
    m.aliases.clear();
    for (const auto& item : *list) m.aliases.push_back(address(item, r, "alias"));
  }
  if (const auto* n = t.get("domain")) {
    m.domain = r.string(*n, "domain");
    if (!domain_like(m.domain))
      r.fail(*n, fmt::format("domain {} is not a domain name", util::quoted(m.domain)),
             "letters, digits, dots and hyphens, such as \"example.org\"");
  }
  if (const auto* n = t.get("subject_tag")) {
    m.subject_tag = r.string(*n, "subject_tag");
    std::string_view tag = util::trim(m.subject_tag);
    bool control = std::any_of(tag.begin(), tag.end(),
                               [](unsigned char ch) { return ch < ' ' || ch == 0x7f; });
    if (tag.empty() || tag.size() != m.subject_tag.size() || tag.size() > 40 || control ||
        tag.find_first_of("[]#") != std::string_view::npos)
      r.fail(*n, fmt::format("subject_tag {} cannot tag a subject", util::quoted(m.subject_tag)),
             "a short name without brackets or '#', such as \"desk\" or \"Acme IT\"");
  }
  if (const auto* n = t.get("unknown_senders")) {
    std::string v = r.string(*n, "unknown_senders");
    r.one_of(*n, v, {"create", "quarantine"}, "unknown_senders");
    m.quarantine_unknown = v == "quarantine";
  }
  if (const auto* n = t.get("reopen_within"))
    m.reopen_within_seconds = r.duration(*n, "reopen_within");
  if (const auto* n = t.get("max_message_size"))
    m.max_message_size = size(*n, r, "max_message_size");
  if (const auto* n = t.get("name")) {
    m.name = r.string(*n, "name");
    if (std::any_of(m.name.begin(), m.name.end(), [](unsigned char ch) { return ch < ' '; }))
      r.fail(*n, "name cannot hold control characters");
  }
  if (const auto* n = t.get("sendmail")) {
    // A list is the argv as it is; a string is split at spaces (no shell,
    // so no quoting: use a list for an argument with a space in it).
    m.sendmail =
        n->is_array() ? r.strings(*n, "sendmail") : util::split(r.string(*n, "sendmail"), ' ');
    if (m.sendmail.empty() || m.sendmail[0].empty())
      r.fail(*n, "sendmail names no program", "such as [\"/usr/sbin/sendmail\", \"-oi\"]");
  }
  if (const auto* n = t.get("envelope_sender"))
    m.envelope_sender = address(*n, r, "envelope_sender");
  if (const auto* n = t.get("send_attempts")) {
    m.send_attempts = r.integer(*n, "send_attempts");
    if (m.send_attempts < 1 || m.send_attempts > 100)
      r.fail(*n, "send_attempts must be from 1 to 100");
  }
  if (const auto* n = t.get("autoreply_interval"))
    m.autoreply_interval_seconds = r.duration(*n, "autoreply_interval");
  if (const auto* n = t.get("templates")) {
    const toml::table& tt = r.table(*n, "[mail.templates]");
    r.only_keys(tt, "[mail.templates]", {"acknowledgement", "resolved"});
    std::filesystem::path dir = c.file.parent_path();
    if (dir.empty()) dir = ".";
    m.templates.clear();
    for (const auto& [key, node] : tt) {
      std::filesystem::path file = r.string(node, key.str());
      if (file.is_relative()) file = std::filesystem::absolute(dir / file).lexically_normal();
      std::error_code ec;
      if (!std::filesystem::is_regular_file(file, ec))
        r.fail(node, fmt::format("template {} is not a file", util::quoted(file.string())),
               "a relative path is relative to the configuration file");
      m.templates[std::string(key.str())] = file.string();
    }
  }
}

void validate_mail(const Config& c) {
  if (c.mail.address.empty()) return;
  const auto& channels = c.tickets.channels;
  if (std::find(channels.begin(), channels.end(), "email") == channels.end())
    throw ConfigError("[mail] needs \"email\" among [tickets].channels: mail tickets come by it",
                      "add \"email\" to channels in [tickets]");
  for (const auto& alias : c.mail.aliases)
    if (util::to_lower_ascii(alias) == util::to_lower_ascii(c.mail.address))
      throw ConfigError(fmt::format("[mail] alias {} is the address itself", util::quoted(alias)));
}

void dump_mail(const Config& c, toml::table& root) {
  const Mail& m = c.mail;
  toml::table t;
  if (!m.address.empty()) t.insert("address", m.address);
  toml::array aliases;
  for (const auto& a : m.aliases) aliases.push_back(a);
  t.insert("aliases", aliases);
  if (!m.address.empty() || !m.domain.empty()) t.insert("domain", m.message_domain());
  t.insert("subject_tag", m.subject_tag);
  t.insert("unknown_senders", m.quarantine_unknown ? "quarantine" : "create");
  t.insert("reopen_within", duration_text(m.reopen_within_seconds));
  t.insert("max_message_size", size_text(m.max_message_size));
  if (!m.name.empty()) t.insert("name", m.name);
  toml::array sendmail;
  for (const auto& a : m.sendmail) sendmail.push_back(a);
  t.insert("sendmail", sendmail);
  if (!m.envelope_sender.empty()) t.insert("envelope_sender", m.envelope_sender);
  t.insert("send_attempts", m.send_attempts);
  t.insert("autoreply_interval", duration_text(m.autoreply_interval_seconds));
  if (!m.templates.empty()) {
    toml::table templates;
    for (const auto& [kind, file] : m.templates) templates.insert(kind, file);
    t.insert("templates", templates);
  }
  root.insert("mail", t);
}

}  // namespace desk::config

#include "desk/mail/identity.hpp"

#include "desk/util/sha256.hpp"
#include "desk/util/strings.hpp"

namespace desk::mail {

namespace {

constexpr std::size_t kSignatureBytes = 10;

std::string signature(std::string_view secret, std::string_view signed_part) {
  util::Digest d = util::hmac_sha256(secret, signed_part);
  return util::hex(std::string_view(reinterpret_cast<const char*>(d.data()), kSignatureBytes));
}

std::string signed_part(DeskMessageId id) {
  return "desk." + std::to_string(id.ticket) + "." + std::to_string(id.serial);
}

// The next dot-separated decimal field of `s`, consumed.
std::optional<std::int64_t> field(std::string_view& s) {
  std::size_t dot = s.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string_view digits = s.substr(0, dot);
  s.remove_prefix(dot + 1);
  if (digits.size() > 1 && digits.front() == '0') return std::nullopt;  // one spelling only
  return util::parse_int(digits);
}

struct Split {
  std::string local;  // lower case
  std::string domain;
};

Split split_address(std::string_view address) {
  std::size_t at = address.rfind('@');
  if (at == std::string_view::npos) return {util::to_lower_ascii(address), ""};
  return {util::to_lower_ascii(address.substr(0, at)),
          util::to_lower_ascii(address.substr(at + 1))};
}

// The local part and extension of `address` when its base is a desk address.
std::optional<std::string> extension_of(std::string_view address,
                                        const std::vector<std::string>& desk_addresses) {
  Split a = split_address(util::trim(address));
  std::size_t plus = a.local.find('+');
  std::string base = a.local.substr(0, plus);
  std::string extension = plus == std::string::npos ? "" : a.local.substr(plus + 1);
  for (const std::string& d : desk_addresses) {
    Split desk = split_address(d);
    if (desk.local == base && desk.domain == a.domain) return extension;
  }
  return std::nullopt;
}

}  // namespace

std::string signed_message_id(std::string_view secret, DeskMessageId id, std::string_view domain) {
  std::string part = signed_part(id);
  return part + "." + signature(secret, part) + "@" + std::string(domain);
}

std::optional<DeskMessageId> verify_message_id(std::string_view secret, std::string_view id) {
  id = util::trim(id);
  if (id.size() >= 2 && id.front() == '<' && id.back() == '>') id = id.substr(1, id.size() - 2);
  std::size_t at = id.rfind('@');
  if (at == std::string_view::npos || secret.empty()) return std::nullopt;
  std::string_view rest = id.substr(0, at);
  if (rest.substr(0, 5) != "desk.") return std::nullopt;
  rest.remove_prefix(5);
  auto ticket = field(rest);
  auto serial = field(rest);
  if (!ticket || !serial || *ticket == 0) return std::nullopt;
  DeskMessageId parsed{*ticket, *serial};
  std::string expected = signature(secret, signed_part(parsed));
  if (!util::equal_in_constant_time(util::to_lower_ascii(rest), expected)) return std::nullopt;
  return parsed;
}

std::string tag_subject(std::string_view subject, std::string_view tag, std::int64_t ticket) {
  std::string trimmed(util::trim(subject));
  if (subject_ticket(trimmed, tag) == ticket) return trimmed;
  std::string tagged = "[" + std::string(tag) + " #" + std::to_string(ticket) + "]";
  return trimmed.empty() ? tagged : tagged + " " + trimmed;
}

std::optional<std::int64_t> subject_ticket(std::string_view subject, std::string_view tag) {
  std::string lowered = util::to_lower_ascii(subject);
  std::string wanted = util::to_lower_ascii(util::trim(tag));
  if (wanted.empty()) return std::nullopt;
  std::size_t open = 0;
  while ((open = lowered.find('[', open)) != std::string::npos) {
    std::string_view rest = std::string_view(lowered).substr(open + 1);
    ++open;
    std::size_t close = rest.find(']');
    if (close == std::string_view::npos) break;
    std::string_view inside = util::trim(rest.substr(0, close));
    if (inside.substr(0, wanted.size()) != wanted) continue;
    inside = util::trim(inside.substr(wanted.size()));
    if (inside.empty() || inside.front() != '#') continue;
    inside = util::trim(inside.substr(1));
    if (auto n = util::parse_int(inside); n && *n > 0) return n;
  }
  return std::nullopt;
}

std::optional<std::int64_t> address_extension(std::string_view address,
                                              const std::vector<std::string>& desk_addresses) {
  auto extension = extension_of(address, desk_addresses);
  if (!extension || extension->empty()) return std::nullopt;
  if (extension->size() > 1 && extension->front() == '0') return std::nullopt;
  auto n = util::parse_int(*extension);
  if (!n || *n == 0) return std::nullopt;
  return n;
}

bool is_desk_address(std::string_view address, const std::vector<std::string>& desk_addresses) {
  return extension_of(address, desk_addresses).has_value();
}

}  // namespace desk::mail

#include "desk/mail/mime/parse.hpp"

#include <utility>
#include <vector>

#include "desk/mail/flowed.hpp"
#include "desk/mail/machine.hpp"
#include "desk/mail/mime/charset.hpp"
#include "desk/mail/mime/gmime.hpp"
#include "desk/mail/mime/html.hpp"
#include "desk/mail/names.hpp"
#include "desk/mail/quote.hpp"
#include "desk/util/strings.hpp"

namespace desk::mail {

namespace {

std::string lower(const char* s) {
  return util::to_lower_ascii(gm::str(s));
}

std::string mime_type(GMimeObject* object) {
  GMimeContentType* type = g_mime_object_get_content_type(object);
  if (type == nullptr) return "application/octet-stream";
  return lower(g_mime_content_type_get_media_type(type)) + "/" +
         lower(g_mime_content_type_get_media_subtype(type));
}

// A part's content with its transfer encoding (base64, quoted-printable,
// uuencode) undone: the bytes as the sender attached them.
std::string content_bytes(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (content == nullptr) return {};
  gm::Ref<GMimeStream> out(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, out.get());
  return gm::stream_bytes(out.get());
}

// Unfolded header text on one line.
std::string one_line(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == '\r' || c == '\n' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

void add_addresses(InternetAddressList* list, std::vector<Address>& out, int depth = 0) {
  if (list == nullptr) return;
  int n = internet_address_list_length(list);
  for (int i = 0; i < n; ++i) {
    InternetAddress* a = internet_address_list_get_address(list, i);
    if (INTERNET_ADDRESS_IS_MAILBOX(a)) {
      std::string address = gm::str(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a)));
      if (address.empty()) continue;
      out.push_back({std::move(address), one_line(gm::str(internet_address_get_name(a)))});
    } else if (INTERNET_ADDRESS_IS_GROUP(a) && depth == 0) {
      add_addresses(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(a)), out, 1);
    }
  }
}

std::vector<Address> addresses(InternetAddressList* list) {
  std::vector<Address> out;
  add_addresses(list, out);
  return out;
}

// The message-ids of a header (References, In-Reply-To), without <>.
std::vector<std::string> message_ids(GMimeParserOptions* options, const char* value) {
  std::vector<std::string> out;
  if (value == nullptr) return out;
  gm::References refs(g_mime_references_parse(options, value));
  if (!refs) return out;
  int n = g_mime_references_length(refs.get());
  for (int i = 0; i < n; ++i) {
    std::string id = gm::str(g_mime_references_get_message_id(refs.get(), i));
    if (!id.empty()) out.push_back(std::move(id));
  }
  return out;
}

HeaderList header_list(GMimeObject* object) {
  HeaderList out;
  GMimeHeaderList* list = g_mime_object_get_header_list(object);
  if (list == nullptr) return out;
  int n = g_mime_header_list_get_count(list);
  for (int i = 0; i < n; ++i) {
    GMimeHeader* h = g_mime_header_list_get_header_at(list, i);
    out.emplace_back(gm::str(g_mime_header_get_name(h)),
                     one_line(gm::str(g_mime_header_get_value(h))));
  }
  return out;
}

std::string extension_for(const std::string& type) {
  static const std::pair<const char*, const char*> kKnown[] = {{"text/plain", ".txt"},
                                                               {"text/html", ".html"},
                                                               {"text/calendar", ".ics"},
                                                               {"text/csv", ".csv"},
                                                               {"image/png", ".png"},
                                                               {"image/jpeg", ".jpg"},
                                                               {"image/gif", ".gif"},
                                                               {"application/pdf", ".pdf"},
                                                               {"message/rfc822", ".eml"},
                                                               {"application/zip", ".zip"},
                                                               {"message/delivery-status", ".txt"},
                                                               {"text/rfc822-headers", ".txt"}};
  for (const auto& [t, ext] : kKnown)
    if (type == t) return ext;
  return ".bin";
}

// A file name safe to list and to offer as a default output name: no
// directories, no control characters, not empty, not "." or "..".
std::string safe_name(std::string_view name) {
  std::size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string out = util::single_line(name);
  std::string_view t = util::trim(out);
  if (t == "." || t == "..") return {};
  return std::string(t);
}

struct Walk {
  Message& m;
  GMimeParserOptions* options;
  std::vector<std::string> plain;  // text parts of the body, UTF-8
  std::vector<std::string> html;   // HTML parts of the body, UTF-8
  UniqueNames names;               // attachment names given so far
  std::size_t leaves = 0;
  bool report = false;
  std::string report_type;
};

// A part without a file name gets one from its position and type.
std::string unique_name(Walk& w, std::string name, const std::string& type) {
  if (name.empty()) name = "part" + std::to_string(w.leaves) + extension_for(type);
  return w.names.claim(name);
}

void add_attachment(Walk& w, std::string name, std::string type, std::string content,
                    bool inline_part) {
  Attachment a;
  a.filename = unique_name(w, safe_name(name), type);
  a.content_type = std::move(type);
  a.content = std::move(content);
  a.inline_part = inline_part;
  w.m.attachments.push_back(std::move(a));
}

Utf8Text part_text(GMimePart* part) {
  std::string bytes = content_bytes(part);
  std::string charset =
      gm::str(g_mime_object_get_content_type_parameter(GMIME_OBJECT(part), "charset"));
  Utf8Text text = text_to_utf8(bytes, charset);
  std::string format =
      lower(g_mime_object_get_content_type_parameter(GMIME_OBJECT(part), "format"));
  if (format == "flowed") {
    std::string delsp =
        lower(g_mime_object_get_content_type_parameter(GMIME_OBJECT(part), "delsp"));
    text.text = unflow(text.text, delsp == "yes");
  }
  return text;
}

// Header-style lines with their continuations (lines that start with
// white space) joined on.
std::vector<std::string> unfolded_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && (line.front() == ' ' || line.front() == '\t') && !lines.empty())
      lines.back() += " " + std::string(util::trim(line));
    else
      lines.emplace_back(line);
  }
  return lines;
}

// The fields of a message/delivery-status part (RFC 3464) desk reports.
void read_delivery_status(std::string_view text, Bounce& b) {
  for (const std::string& whole : unfolded_lines(text)) {
    std::string_view line = whole;
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string name = util::to_lower_ascii(util::trim(line.substr(0, colon)));
    std::string value(util::trim(line.substr(colon + 1)));
    // "rfc822; bob@example.org", "smtp; 550 5.1.1 ...": the part after the type.
    auto typed = [&] {
      std::size_t semi = value.find(';');
      return semi == std::string::npos
                 ? value
                 : std::string(util::trim(std::string_view(value).substr(semi + 1)));
    };
    if (name == "final-recipient" && b.recipient.empty()) b.recipient = typed();
    if (name == "original-recipient" && b.recipient.empty()) b.recipient = typed();
    if (name == "action" && b.action.empty()) b.action = util::to_lower_ascii(value);
    if (name == "status" && b.status.empty()) b.status = value;
    if (name == "diagnostic-code" && b.diagnostic.empty()) b.diagnostic = typed();
  }
}

// The Message-ID in a block of headers (text/rfc822-headers).
std::string message_id_in_headers(GMimeParserOptions* options, std::string_view headers) {
  std::string text(headers);
  text.append("\n\n");
  gm::Ref<GMimeStream> stream = gm::memory_stream(text);
  gm::Ref<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  gm::Ref<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options));
  if (!message) return {};
  return gm::str(g_mime_message_get_message_id(message.get()));
}

Bounce& bounce(Walk& w) {
  if (!w.m.bounce) w.m.bounce.emplace();
  return *w.m.bounce;
}

enum class Mode { body, attachments_only };

void leaf(Walk& w, GMimePart* part, Mode mode) {
  ++w.leaves;
  std::string type = mime_type(GMIME_OBJECT(part));
  std::string name = gm::str(g_mime_part_get_filename(part));
  bool attached = g_mime_part_is_attachment(part) || !name.empty();
  const char* disposition = g_mime_object_get_disposition(GMIME_OBJECT(part));
  bool inline_part = disposition != nullptr && lower(disposition) == "inline";

  if (w.report && (type == "message/delivery-status" || type == "message/global-delivery-status")) {
    std::string bytes = content_bytes(part);
    read_delivery_status(bytes, bounce(w));
    add_attachment(w, name, type, std::move(bytes), false);
    return;
  }
  if (w.report && (type == "text/rfc822-headers" || type == "message/global-headers")) {
    std::string bytes = content_bytes(part);
    if (bounce(w).original_message_id.empty())
      bounce(w).original_message_id = message_id_in_headers(w.options, bytes);
    add_attachment(w, name, type, std::move(bytes), false);
    return;
  }
  bool text = type == "text/plain" || type == "text/html";
  if (text && !attached && mode == Mode::attachments_only) return;  // another rendition
  if (text && !attached) {
    Utf8Text t = part_text(part);
    if (w.m.charset.empty()) {
      w.m.charset = t.charset;
      w.m.charset_detected = t.detected;
    }
    (type == "text/plain" ? w.plain : w.html).push_back(std::move(t.text));
    return;
  }
  add_attachment(w, name, type, content_bytes(part), inline_part && !attached);
}

void embedded_message(Walk& w, GMimeMessagePart* part) {
  ++w.leaves;
  GMimeMessage* inner = g_mime_message_part_get_message(part);
  std::string name =
      gm::str(g_mime_object_get_content_disposition_parameter(GMIME_OBJECT(part), "filename"));
  if (inner == nullptr) return;
  if (w.report && bounce(w).original_message_id.empty())
    bounce(w).original_message_id = gm::str(g_mime_message_get_message_id(inner));
  std::string bytes = gm::take(g_mime_object_to_string(GMIME_OBJECT(inner), nullptr));
  add_attachment(w, name, "message/rfc822", std::move(bytes), false);
}

bool contains_type(GMimeObject* object, const char* type) {
  if (mime_type(object) == type) return true;
  if (!GMIME_IS_MULTIPART(object)) return false;
  GMimeMultipart* mp = GMIME_MULTIPART(object);
  int n = g_mime_multipart_get_count(mp);
  for (int i = 0; i < n; ++i)
    if (mime_type(g_mime_multipart_get_part(mp, i)) == type) return true;
  return false;
}

// Of a multipart/alternative's renditions: the plain text one (a part
// that is, or directly holds, text/plain), else the last (the richest,
// as RFC 2046 orders them).
int preferred_alternative(GMimeMultipart* mp) {
  int n = g_mime_multipart_get_count(mp);
  for (int i = 0; i < n; ++i)
    if (contains_type(g_mime_multipart_get_part(mp, i), "text/plain")) return i;
  return n - 1;
}

// Every part, in order, without recursion: GMime bounds the nesting it
// builds, but desk does not rely on the bound for its stack.
void walk(Walk& w, GMimeObject* root) {
  std::vector<std::pair<GMimeObject*, Mode>> stack{{root, Mode::body}};
  while (!stack.empty()) {
    auto [object, mode] = stack.back();
    stack.pop_back();
    if (w.leaves >= kMaxParts) {
      w.m.problems.push_back("more than " + std::to_string(kMaxParts) +
                             " MIME parts: the rest are only in the raw message");
      return;
    }
    if (GMIME_IS_MULTIPART(object)) {
      GMimeMultipart* mp = GMIME_MULTIPART(object);
      int n = g_mime_multipart_get_count(mp);
      bool alternative = mime_type(object) == "multipart/alternative";
      int preferred = alternative ? preferred_alternative(mp) : -1;
      for (int i = n - 1; i >= 0; --i) {
        Mode m = mode;
        if (alternative && i != preferred) m = Mode::attachments_only;
        stack.emplace_back(g_mime_multipart_get_part(mp, i), m);
      }
    } else if (GMIME_IS_MESSAGE_PART(object)) {
      embedded_message(w, GMIME_MESSAGE_PART(object));
    } else if (GMIME_IS_PART(object)) {
      leaf(w, GMIME_PART(object), mode);
    }
  }
}

std::string joined(const std::vector<std::string>& texts) {
  std::string out;
  for (const std::string& t : texts) {
    std::string_view v = t;
    while (!v.empty() && (v.back() == '\n' || v.back() == ' ' || v.back() == '\r'))
      v.remove_suffix(1);
    if (v.empty()) continue;
    if (!out.empty()) out.append("\n\n");
    out.append(v);
  }
  return out;
}

// Text with "\n" line ends only.
std::string unix_lines(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;
    out.push_back(s[i]);
  }
  return out;
}

void body(Walk& w, GMimeMessage* message) {
  GMimeObject* root = g_mime_message_get_mime_part(message);
  if (root == nullptr) return;
  if (mime_type(root) == "multipart/report") {
    w.report = true;
    w.report_type = lower(g_mime_object_get_content_type_parameter(root, "report-type"));
  }
  walk(w, root);
  Message& m = w.m;
  if (!w.plain.empty()) {
    m.text = unix_lines(joined(w.plain));
    for (std::string& h : w.html) add_attachment(w, "", "text/html", std::move(h), false);
  } else if (!w.html.empty()) {
    std::vector<std::string> rendered;
    for (const std::string& h : w.html) rendered.push_back(html_to_text(h));
    m.text = unix_lines(joined(rendered));
    m.html_only = true;
    for (std::string& h : w.html)
      add_attachment(w, "message.html", "text/html", std::move(h), false);
  }
}

// Problems the parser reports that a person may want to know about; the
// rest (a repeated header, 8-bit text in a header) are everyday mail.
const char* problem(GMimeParserWarning code) {
  switch (code) {
    case GMIME_WARN_MALFORMED_MULTIPART:
      return "a multipart has no parts";
    case GMIME_WARN_TRUNCATED_MESSAGE:
      return "the message is cut short";
    case GMIME_WARN_MALFORMED_MESSAGE:
      return "the message is malformed";
    case GMIME_CRIT_INVALID_HEADER_NAME:
      return "a header name is invalid";
    case GMIME_CRIT_MULTIPART_WITHOUT_BOUNDARY:
      return "a multipart has no boundary";
    case GMIME_CRIT_NESTING_OVERFLOW:
      return "MIME parts nest too deep";
    case GMIME_WARN_PART_WITHOUT_CONTENT:
    case GMIME_CRIT_PART_WITHOUT_HEADERS_OR_CONTENT:
      return "a MIME part has no content";
    case GMIME_WARN_INVALID_CONTENT_TYPE:
      return "a Content-Type is invalid";
    default:
      return nullptr;
  }
}

void on_warning(gint64, GMimeParserWarning code, const gchar*, gpointer data) {
  auto* problems = static_cast<std::vector<std::string>*>(data);
  const char* p = problem(code);
  if (p == nullptr) return;
  for (const std::string& seen : *problems)
    if (seen == p) return;
  problems->emplace_back(p);
}

// The charset raw 8-bit header text is read in when it is not UTF-8: what
// uchardet finds in the message's 8-bit bytes.
std::string header_fallback(std::string_view raw) {
  std::size_t end = raw.find("\n\n");
  if (end == std::string_view::npos) end = raw.find("\r\n\r\n");
  std::string_view headers = raw.substr(0, end);
  if (!util::invalid_utf8(headers)) return "windows-1252";
  std::string guess = detect_charset(raw);
  if (guess.empty() || guess == "ascii" || guess == "utf-8") return "windows-1252";
  return guess;
}

void read_headers(Message& m, GMimeMessage* message, GMimeParserOptions* options) {
  m.message_id = one_line(gm::str(g_mime_message_get_message_id(message)));
  GMimeObject* object = GMIME_OBJECT(message);
  std::vector<std::string> reply =
      message_ids(options, g_mime_object_get_header(object, "In-Reply-To"));
  if (!reply.empty()) m.in_reply_to = reply.front();
  m.references = message_ids(options, g_mime_object_get_header(object, "References"));

  std::vector<Address> from = addresses(g_mime_message_get_from(message));
  if (from.empty()) from = addresses(g_mime_message_get_sender(message));
  if (!from.empty()) m.from = from.front();
  m.reply_to = addresses(g_mime_message_get_reply_to(message));
  m.to = addresses(g_mime_message_get_to(message));
  m.cc = addresses(g_mime_message_get_cc(message));
  m.subject = one_line(gm::str(g_mime_message_get_subject(message)));
  if (GDateTime* date = g_mime_message_get_date(message)) m.date = g_date_time_to_unix(date);

  HeaderList headers = header_list(object);
  for (const auto& [name, value] : headers) {
    std::string n = util::to_lower_ascii(name);
    if (n == "delivered-to" || n == "x-original-to") {
      std::string v(util::trim(value));
      if (!v.empty() && v.front() == '<' && v.back() == '>') v = v.substr(1, v.size() - 2);
      if (!v.empty()) m.delivered_to.push_back(v);
    }
  }
  if (auto rp = header(headers, "Return-Path")) {
    std::string v(util::trim(*rp));
    if (v.size() >= 2 && v.front() == '<' && v.back() == '>') v = v.substr(1, v.size() - 2);
    m.return_path = std::string(util::trim(v));
  }
  if (m.from.address.empty() && m.return_path && !m.return_path->empty())
    m.from.address = *m.return_path;
  if (auto loop = header(headers, "X-Desk-Loop")) m.loop = std::string(util::trim(*loop));
}

// A bounce without a report part quotes the failed message in its text:
// the first "Message-ID:" line there names it.
std::string quoted_message_id(GMimeParserOptions* options, std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = util::trim(text.substr(start, end - start));
    start = end + 1;
    if (line.size() > 11 && util::to_lower_ascii(line.substr(0, 11)) == "message-id:") {
      std::vector<std::string> ids = message_ids(options, std::string(line.substr(11)).c_str());
      if (!ids.empty()) return ids.front();
    }
  }
  return {};
}

// Every text of the message as valid UTF-8, whatever GMime decoded from
// headers that lie about their charset: desk stores no other text.
void repair(Message& m) {
  auto fix = [](std::string& s) { s = repair_utf8(s); };
  auto fix_address = [&](Address& a) {
    fix(a.address);
    fix(a.name);
  };
  fix(m.message_id);
  fix(m.in_reply_to);
  for (std::string& r : m.references) fix(r);
  fix_address(m.from);
  for (auto* list : {&m.reply_to, &m.to, &m.cc})
    for (Address& a : *list) fix_address(a);
  for (std::string& d : m.delivered_to) fix(d);
  if (m.return_path) fix(*m.return_path);
  fix(m.subject);
  fix(m.loop);
  fix(m.machine_reason);
  if (m.bounce) {
    fix(m.bounce->original_message_id);
    fix(m.bounce->recipient);
    fix(m.bounce->status);
    fix(m.bounce->action);
    fix(m.bounce->diagnostic);
  }
  fix(m.text);
  for (Attachment& a : m.attachments) {
    fix(a.filename);
    fix(a.content_type);
  }
}

}  // namespace

std::string_view without_mbox_line(std::string_view raw) {
  if (raw.substr(0, 5) != "From ") return raw;
  std::size_t end = raw.find('\n');
  return end == std::string_view::npos ? std::string_view() : raw.substr(end + 1);
}

Message parse(std::string_view raw) {
  gm::init();
  Message m;
  raw = without_mbox_line(raw);
  gm::ParserOptions options = gm::lenient_options(header_fallback(raw));
  g_mime_parser_options_set_warning_callback(options.get(), on_warning, &m.problems);

  gm::Ref<GMimeStream> stream = gm::memory_stream(raw);
  gm::Ref<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
  gm::Ref<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options.get()));
  if (!message) {
    // Not even a header block: keep the bytes as the text.
    m.problems.emplace_back("no message headers: the whole input is kept as text");
    Utf8Text t = text_to_utf8(raw, "");
    m.text = unix_lines(t.text);
    m.charset = t.charset;
    m.charset_detected = t.detected;
  } else {
    read_headers(m, message.get(), options.get());
    Walk w{m, options.get(), {}, {}, {}, 0, false, {}};
    body(w, message.get());
    HeaderList headers = header_list(GMIME_OBJECT(message.get()));
    MachineVerdict v = classify(headers, m.from, m.subject, w.report ? w.report_type : "");
    m.machine = v.kind;
    m.machine_reason = std::move(v.reason);
    if (m.machine == Machine::bounce) {
      if (!m.bounce) m.bounce.emplace();
      if (m.bounce->original_message_id.empty())
        m.bounce->original_message_id = quoted_message_id(options.get(), m.text);
    } else {
      m.bounce.reset();
    }
  }
  repair(m);
  QuoteSplit split = split_quoted(m.text);
  m.new_text = std::move(split.new_text);
  m.quoted = std::move(split.quoted);
  return m;
}

}  // namespace desk::mail
